package org.guidancelab.session;

import org.guidancelab.engine.train.Phase;

/**
 * Where training stands, as last reported by the training thread.
 *
 * @param arm            the arm training now ("" before the first arm starts)
 * @param armIndex       its index among the experiment's arms
 * @param arms           how many arms the run has
 * @param phase          what the current step belongs to (guide training, noise pre-phase, task)
 * @param step           the last step done in that phase
 * @param steps          the arm's task step budget
 * @param stepsPerSecond task steps per second of the current arm (NaN until measured)
 */
public record Progress(String arm, int armIndex, int arms, Phase phase, int step, int steps, double stepsPerSecond) {
    public static final Progress NONE = new Progress("", 0, 0, Phase.TASK, 0, 0, Double.NaN);

    /** The fraction of all arms' task steps done, in [0, 1]. */
    public double fraction() {
        if (arms <= 0 || steps <= 0) {
            return 0.0;
        }
        double done = armIndex * (double) steps + (phase == Phase.TASK ? step : 0);
        return Math.max(0.0, Math.min(1.0, done / ((double) arms * steps)));
    }

    /** Seconds left at the current rate for this arm's remaining steps and the arms after it; NaN if unknown. */
    public double secondsLeft() {
        if (!(stepsPerSecond > 0) || arms <= 0) {
            return Double.NaN;
        }
        double remaining = (steps - (phase == Phase.TASK ? step : 0)) + (double) (arms - armIndex - 1) * steps;
        return Math.max(0.0, remaining) / stepsPerSecond;
    }
}
