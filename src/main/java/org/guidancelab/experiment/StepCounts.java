package org.guidancelab.experiment;

import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Every step count of an experiment changed together, so a shortened run keeps its proportions: the training steps,
 * evalInterval, checkpointInterval and each arm's guideTrainSteps, guidanceSteps and noisePrephaseSteps. A count that
 * was positive stays at least 1; 0 keeps its meaning (no guide training, guidance for the whole run, no pre-phase,
 * checkpoints only at the end). {@code reproduce --quick} divides by 4 ({@link #divide}); {@code sweep --steps N}
 * scales by N over the base experiment's training steps ({@link #scale}).
 */
public final class StepCounts {
    private StepCounts() {
    }

    /** Every count divided by {@code factor} (integer division; the checkpoint interval is kept). */
    public static ExperimentSpec divide(ExperimentSpec exp, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("the step divisor must be at least 1, got " + factor);
        }
        if (factor == 1) {
            return exp;
        }
        return map(exp, c -> Math.max(1, c / factor), false);
    }

    /** Every count multiplied by {@code ratio} and rounded (at least 1 where it was positive). */
    public static ExperimentSpec scale(ExperimentSpec exp, double ratio) {
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("the step ratio must be above 0, got " + ratio);
        }
        return map(exp, c -> (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(c * ratio))), true);
    }

    private static ExperimentSpec map(ExperimentSpec exp, IntUnaryOperator f, boolean checkpoints) {
        TrainingSpec t = exp.training();
        int steps = pos(t.steps(), f);
        TrainingSpec scaled = new TrainingSpec(t.alpha(), t.optimizer(), t.learningRate(), t.momentum(),
                t.weightDecay(), t.gradClip(), t.batchSize(), steps, pos(t.evalInterval(), f),
                checkpoints ? pos(t.checkpointInterval(), f) : t.checkpointInterval(), t.seed());
        List<ArmSpec> arms = exp.arms().stream().map(a -> new ArmSpec(a.name(), a.kind(), pos(a.guideTrainSteps(), f),
                a.guideModel(), a.guidanceSteps() >= t.steps() && t.steps() > 0 ? steps : pos(a.guidanceSteps(), f),
                a.noiseGuide(), pos(a.noisePrephaseSteps(), f), a.distillTemperature(), a.distillWeight(),
                a.taskGuidance())).toList();
        return exp.withTraining(scaled).withArms(arms);
    }

    private static int pos(int count, IntUnaryOperator f) {
        return count <= 0 ? count : f.applyAsInt(count);
    }
}
