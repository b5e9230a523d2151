package org.guidancelab.sweep;

import org.guidancelab.arch.ShapeInference;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * A rough cost of training an experiment, in multiply-adds: per arm, its steps times the batch size times the
 * forward FLOPs of the networks it runs (a training step about 3 forward passes, the frozen guide one). Good enough to
 * start long cells first and to turn finished cost into an ETA; not a time.
 */
public final class CellCost {
    private CellCost() {
    }

    public static double estimate(ExperimentSpec exp) {
        double target = Math.max(1, ShapeInference.analyze(exp.target()).totalFlops());
        double guide = Math.max(1, ShapeInference.analyze(exp.guide()).totalFlops());
        double batch = Math.max(1, exp.training().batchSize());
        int steps = Math.max(0, exp.training().steps());
        double total = 0;
        for (ArmSpec a : exp.arms()) {
            double perStep = 3 * target;
            if (a.usesGuide()) {
                int guided = a.usesGuidance() && a.taskGuidance()
                        ? (a.guidanceSteps() > 0 ? Math.min(a.guidanceSteps(), steps) : steps) : 0;
                total += batch * guided * guide;
                if (a.kind() == org.guidancelab.experiment.ArmKind.DISTILLATION) {
                    total += batch * steps * guide;
                }
                total += batch * Math.max(0, a.guideTrainSteps()) * 3 * guide;
                total += batch * Math.max(0, a.noisePrephaseSteps()) * (3 * target + guide);
            }
            total += batch * steps * perStep;
        }
        return total;
    }
}
