package org.guidancelab.bench;

import java.util.List;
import java.util.Locale;

/**
 * When a mode's warm-up is over: after at least {@code minSteps} steps, once the mean step time of the last window of
 * {@code window} steps differs from the window before it by at most {@code tolerance} (relative), or at
 * {@code capSteps} steps whatever the times do. The JIT, the caches and the guide tap cache settle at different
 * speeds on different workloads and machines; a fixed count is either too short on one or wasted on another.
 * A tolerance of 0 turns the rule off: exactly {@code minSteps} warm-up steps, as before.
 */
public record SettleRule(int minSteps, int window, double tolerance, int capSteps) {
    public SettleRule {
        if (minSteps < 0 || window < 1 || tolerance < 0 || capSteps < minSteps) {
            throw new IllegalArgumentException("warm-up: need minSteps >= 0, window >= 1, tolerance >= 0 and cap >= minSteps, got "
                    + minSteps + ", " + window + ", " + tolerance + ", " + capSteps);
        }
    }

    /** The fixed warm-up of {@code steps} steps (no settling). */
    public static SettleRule fixed(int steps) {
        return new SettleRule(steps, Math.max(1, steps), 0.0, steps);
    }

    public boolean fixedCount() {
        return tolerance == 0.0;
    }

    /** Whether warm-up is over after {@code stepsRun} steps whose windows took {@code secondsPerStep} each. */
    public boolean settled(List<Double> secondsPerStep, int stepsRun) {
        if (stepsRun >= capSteps) {
            return true;
        }
        if (stepsRun < minSteps) {
            return false;
        }
        if (fixedCount()) {
            return true;
        }
        int n = secondsPerStep.size();
        return n >= 2 && changed(secondsPerStep.get(n - 2), secondsPerStep.get(n - 1)) <= tolerance;
    }

    /** Steps to run next, given {@code stepsRun} so far: a window, or what is left of a fixed count or the cap. */
    public int next(int stepsRun) {
        if (fixedCount()) {
            return Math.max(0, minSteps - stepsRun);
        }
        return Math.max(0, Math.min(window, capSteps - stepsRun));
    }

    /** Whether the last warm-up ended by the rule (true) or at the cap (false), for the report. */
    public boolean settledBeforeCap(List<Double> secondsPerStep, int stepsRun) {
        if (fixedCount()) {
            return true;
        }
        int n = secondsPerStep.size();
        return stepsRun >= minSteps && n >= 2 && changed(secondsPerStep.get(n - 2), secondsPerStep.get(n - 1)) <= tolerance;
    }

    static double changed(double before, double after) {
        return Math.abs(after - before) / before;
    }

    /** "warm-up >= 20 steps, until two consecutive 10-step windows differ by <= 5% (cap 300)". */
    public String describe() {
        if (fixedCount()) {
            return "warm-up " + minSteps + " steps";
        }
        return String.format(Locale.ROOT, "warm-up >= %d steps, until two consecutive %d-step windows differ by <= %.0f%% (cap %d)",
                minSteps, window, tolerance * 100, capSteps);
    }
}
