package org.guidancelab.engine.loss;

/** Numerically stable softmax of one row of logits divided by a temperature. */
final class Softmax {
    private Softmax() {
    }

    /** Writes softmax(z[r] / t) into {@code out} and returns log-sum-exp(z[r] / t). */
    static double row(Rows z, int r, double t, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.cols; c++) {
            max = Math.max(max, z.get(r, c) / t);
        }
        double sum = 0;
        for (int c = 0; c < z.cols; c++) {
            out[c] = Math.exp(z.get(r, c) / t - max);
            sum += out[c];
        }
        for (int c = 0; c < z.cols; c++) {
            out[c] /= sum;
        }
        return max + Math.log(sum);
    }
}
