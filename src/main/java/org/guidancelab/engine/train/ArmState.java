package org.guidancelab.engine.train;

import org.guidancelab.engine.optim.OptimizerState;

/**
 * A checkpoint of one arm after TASK step {@code step}, as plain arrays: the target's parameters, non-trainable state
 * and random position (dropout), its optimizer state, and the frozen guide's parameters and state (so a trained or
 * loaded guide need not be rebuilt). With the experiment's seed these determine the rest of the run: the data order
 * and noise are functions of (seed, step).
 */
public record ArmState(String arm, int step, float[] targetParams, float[] targetState, long targetRandom,
                       OptimizerState optimizer, float[] guideParams, float[] guideState) {
}
