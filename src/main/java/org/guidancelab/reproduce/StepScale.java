package org.guidancelab.reproduce;

import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.StepCounts;

/**
 * {@code --quick}: every step count of a preset divided by a factor (4 for --quick): training steps, evalInterval,
 * guideTrainSteps, guidanceSteps and noisePrephaseSteps. A count that was positive stays at least 1; 0 keeps its
 * meaning (no guide training, guidance for the whole run, no pre-phase). See {@link StepCounts}, which sweeps share.
 */
public final class StepScale {
    public static final int QUICK = 4;

    private StepScale() {
    }

    public static ExperimentSpec divide(ExperimentSpec exp, int factor) {
        return StepCounts.divide(exp, factor);
    }

    static int div(int steps, int factor) {
        return steps <= 0 ? steps : Math.max(1, steps / factor);
    }
}
