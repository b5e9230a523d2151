package org.guidancelab.engine.model.fast;

/**
 * Layer norm over the d columns of each row in Java, {@code (x - mean) / sqrt(var + eps) * gamma + beta} with the
 * biased variance and eps 1e-5 of the reference's TransformerBlock; it keeps the normalised rows and inverse
 * deviations of the last forward pass for backward.
 */
final class LayerNormRows {
    private static final double EPS = 1e-5;

    private final int d;
    private float[] xhat;
    private float[] inv;

    LayerNormRows(int d) {
        this.d = d;
    }

    void allocate(int rows) {
        xhat = new float[rows * d];
        inv = new float[rows];
    }

    /** y = LN(x) over {@code rows} rows; y may be x. */
    void forward(float[] x, float[] gamma, float[] beta, float[] y, int rows) {
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            double mean = 0;
            for (int c = 0; c < d; c++) {
                mean += x[o + c];
            }
            mean /= d;
            double var = 0;
            for (int c = 0; c < d; c++) {
                double z = x[o + c] - mean;
                var += z * z;
            }
            var /= d;
            float s = (float) (1 / Math.sqrt(var + EPS));
            float m = (float) mean;
            inv[r] = s;
            for (int c = 0; c < d; c++) {
                float h = (x[o + c] - m) * s;
                xhat[o + c] = h;
                y[o + c] = h * gamma[c] + beta[c];
            }
        }
    }

    /**
     * dx = inv * (g - mean(g) - xhat * mean(g * xhat)) with g = dy * gamma, per row; dx may be dy. Overwrites dGamma
     * and dBeta with the sums over rows of dy * xhat and dy.
     */
    void backward(float[] dy, float[] gamma, float[] dx, float[] dGamma, float[] dBeta, int rows) {
        java.util.Arrays.fill(dGamma, 0f);
        java.util.Arrays.fill(dBeta, 0f);
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            float sumG = 0;
            float sumGx = 0;
            for (int c = 0; c < d; c++) {
                float g = dy[o + c] * gamma[c];
                sumG += g;
                sumGx += g * xhat[o + c];
                dGamma[c] += dy[o + c] * xhat[o + c];
                dBeta[c] += dy[o + c];
            }
            float mg = sumG / d;
            float mgx = sumGx / d;
            float s = inv[r];
            for (int c = 0; c < d; c++) {
                dx[o + c] = s * (dy[o + c] * gamma[c] - mg - xhat[o + c] * mgx);
            }
        }
    }
}
