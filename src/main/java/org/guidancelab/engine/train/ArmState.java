package org.guidancelab.engine.train;

import org.guidancelab.engine.optim.OptimizerState;

/**
 * A checkpoint of one arm after step {@code step} of phase {@code phase}, as plain arrays: the target's parameters,
 * non-trainable state and random position (dropout), an optimizer state, and the guide's parameters, state and random
 * position. With the experiment's seed these determine the rest of the run: the data order and noise are functions of
 * (seed, step).
 *
 * <p>In the TASK and NOISE_PREPHASE phases the optimizer is the target's and the guide is final (trained, loaded or
 * untrained). In GUIDE_TRAINING the guide is partly trained, the optimizer is the guide's and the target is still as
 * built: such a checkpoint continues the guide's training at step {@code step + 1}.
 */
public record ArmState(String arm, Phase phase, int step, float[] targetParams, float[] targetState, long targetRandom,
                       OptimizerState optimizer, float[] guideParams, float[] guideState, long guideRandom) {

    public ArmState {
        if (phase == null) {
            throw new IllegalArgumentException("a checkpoint needs its phase");
        }
    }

    /** A checkpoint after TASK step {@code step} (the guide has no random position to keep). */
    public ArmState(String arm, int step, float[] targetParams, float[] targetState, long targetRandom,
                    OptimizerState optimizer, float[] guideParams, float[] guideState) {
        this(arm, Phase.TASK, step, targetParams, targetState, targetRandom, optimizer, guideParams, guideState, 0L);
    }

    /** "step 12", or "guide-training step 40" for a checkpoint before the task steps. */
    public String where() {
        return (phase == Phase.TASK ? "" : phase.jsonName() + " ") + "step " + step;
    }
}
