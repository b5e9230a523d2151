package org.guidancelab.figures;

/**
 * Exponential moving average for noisy curves, debiased like TensorBoard's smoothing slider so the start of the curve
 * is not dragged towards zero. The weight is per training step, not per point: a validation curve measured every 20
 * steps is smoothed over the same span of steps as a per-step training curve, instead of lagging 20 times as far.
 */
public final class Ema {
    private Ema() {
    }

    /**
     * @param steps  ascending steps of the points
     * @param values finite values, one per step
     * @param weight the smoothing weight per step in [0, 1); 0 returns a copy of the values
     */
    public static double[] smooth(double[] steps, double[] values, double weight) {
        if (!(weight >= 0.0 && weight < 1.0)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        }
        if (steps.length != values.length) {
            throw new IllegalArgumentException(steps.length + " steps but " + values.length + " values");
        }
        double[] out = new double[values.length];
        double s = 0.0;
        double decay = 1.0;
        for (int i = 0; i < values.length; i++) {
            // Points closer than one step apart (repeated steps after a resume) count as one step.
            double gap = i == 0 ? 1.0 : Math.max(1.0, steps[i] - steps[i - 1]);
            double a = Math.pow(weight, gap);
            s = a * s + (1.0 - a) * values[i];
            decay *= a;
            out[i] = weight == 0.0 ? values[i] : s / (1.0 - decay);
        }
        return out;
    }
}
