package org.guidancelab.session;

import org.guidancelab.engine.train.Phase;

/**
 * Where training stands, as last reported by the training thread.
 *
 * @param arm            the arm that reported last ("" before the first arm starts)
 * @param armIndex       its index among the experiment's arms
 * @param arms           how many arms the run has
 * @param phase          what that arm's last step belongs to (guide training, noise pre-phase, task)
 * @param step           the last step it did in that phase
 * @param steps          an arm's task step budget
 * @param stepsPerSecond task steps per second of that arm on its own (NaN until measured)
 * @param taskStepsDone  task steps done by all arms together (those a resume skips count as done)
 * @param running        arms started and not ended: more than one when arms take turns
 */
public record Progress(String arm, int armIndex, int arms, Phase phase, int step, int steps, double stepsPerSecond,
                       long taskStepsDone, int running) {
    public static final Progress NONE = new Progress("", 0, 0, Phase.TASK, 0, 0, Double.NaN, 0, 0);

    /** The fraction of all arms' task steps done, in [0, 1]. */
    public double fraction() {
        if (arms <= 0 || steps <= 0) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, taskStepsDone / ((double) arms * steps)));
    }

    /**
     * Seconds left for every arm's remaining task steps at the current rate; NaN if unknown. Arms taking turns share
     * one thread, so the run does about one arm's rate of steps per second whichever the schedule.
     */
    public double secondsLeft() {
        if (!(stepsPerSecond > 0) || arms <= 0) {
            return Double.NaN;
        }
        double remaining = (double) arms * steps - taskStepsDone;
        return Math.max(0.0, remaining) / stepsPerSecond;
    }
}
