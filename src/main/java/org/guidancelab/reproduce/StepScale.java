package org.guidancelab.reproduce;

import java.util.List;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TrainingSpec;

/**
 * {@code --quick}: every step count of a preset divided by a factor (4 for --quick): training steps, evalInterval,
 * guideTrainSteps, guidanceSteps and noisePrephaseSteps. A count that was positive stays at least 1; 0 keeps its
 * meaning (no guide training, guidance for the whole run, no pre-phase).
 */
public final class StepScale {
    public static final int QUICK = 4;

    private StepScale() {
    }

    public static ExperimentSpec divide(ExperimentSpec exp, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("the step divisor must be at least 1, got " + factor);
        }
        if (factor == 1) {
            return exp;
        }
        TrainingSpec t = exp.training();
        TrainingSpec scaled = t.withSteps(div(t.steps(), factor)).withEvalInterval(div(t.evalInterval(), factor));
        List<ArmSpec> arms = exp.arms().stream().map(a -> new ArmSpec(a.name(), a.kind(),
                div(a.guideTrainSteps(), factor), a.guideModel(), div(a.guidanceSteps(), factor), a.noiseGuide(),
                div(a.noisePrephaseSteps(), factor), a.distillTemperature(), a.distillWeight(), a.taskGuidance())).toList();
        return exp.withTraining(scaled).withArms(arms);
    }

    static int div(int steps, int factor) {
        return steps <= 0 ? steps : Math.max(1, steps / factor);
    }
}
