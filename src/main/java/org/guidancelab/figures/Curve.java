package org.guidancelab.figures;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric of one arm against training step, exactly as recorded (may hold NaN or infinite values: the charts
 * filter them, the record keeps them so a diverged run can still be shown up to the point it diverged).
 *
 * @param arm    the arm's name (also its colour key in {@link ArmPalette})
 * @param metric the metric name, e.g. {@code train/loss}, {@code val/accuracy}, {@code cka/pair/3}
 * @param steps  training steps, finite
 * @param values the metric at each step
 */
public record Curve(String arm, String metric, double[] steps, double[] values) {

    public Curve {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(steps, "steps of curve " + arm + " / " + metric);
        Objects.requireNonNull(values, "values of curve " + arm + " / " + metric);
        if (steps.length != values.length) {
            throw new IllegalArgumentException("curve " + arm + " / " + metric + ": " + steps.length + " steps but "
                    + values.length + " values");
        }
        for (int i = 0; i < steps.length; i++) {
            if (!Double.isFinite(steps[i])) {
                throw new IllegalArgumentException("curve " + arm + " / " + metric + ": step at index " + i
                        + " is " + steps[i]);
            }
        }
        steps = steps.clone();
        values = values.clone();
    }

    public int size() {
        return steps.length;
    }

    @Override
    public double[] steps() {
        return steps.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && arm.equals(c.arm) && metric.equals(c.metric)
                && Arrays.equals(steps, c.steps) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(arm, metric, Arrays.hashCode(steps), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Curve[" + arm + ", " + metric + ", " + steps.length + " points]";
    }
}
