package org.guidancelab.engine.model.fast;

import java.util.Arrays;

/**
 * Layer norm over the d columns of each row in Java, {@code (x - mean) / sqrt(var + eps) * gamma + beta} with the
 * biased variance and eps 1e-5 of the reference's TransformerBlock; it keeps the normalised rows and inverse
 * deviations of the last forward pass for backward. Each row is worked on in a copy indexed like gamma and beta, since
 * HotSpot vectorises a loop only when its arrays share one index, and its sums use {@link FloatSums}.
 */
final class LayerNormRows {
    private static final double EPS = 1e-5;

    private final int d;
    private final float[] row;
    private final float[] hat;
    private float[] xhat;
    private float[] inv;

    LayerNormRows(int d) {
        this.d = d;
        this.row = new float[d];
        this.hat = new float[d];
    }

    void allocate(int rows) {
        xhat = new float[rows * d];
        inv = new float[rows];
    }

    /** y = LN(x) over {@code rows} rows; y may be x. */
    void forward(float[] x, float[] gamma, float[] beta, float[] y, int rows) {
        float[] z = row;
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            System.arraycopy(x, o, z, 0, d);
            float mean = FloatSums.sum(z, 0, d) / d;
            for (int c = 0; c < d; c++) {
                z[c] -= mean;
            }
            float var = FloatSums.sumSquares(z, d) / d;
            float s = (float) (1 / Math.sqrt(var + EPS));
            inv[r] = s;
            for (int c = 0; c < d; c++) {
                z[c] *= s;
            }
            System.arraycopy(z, 0, xhat, o, d);
            for (int c = 0; c < d; c++) {
                z[c] = z[c] * gamma[c] + beta[c];
            }
            System.arraycopy(z, 0, y, o, d);
        }
    }

    /**
     * dx = inv * (g - mean(g) - xhat * mean(g * xhat)) with g = dy * gamma, per row; dx may be dy. Overwrites dGamma
     * and dBeta with the sums over rows of dy * xhat and dy, and dxSums with the sums over rows of dx (the gradient of a
     * bias added to the input, summed here while the row is at hand).
     */
    void backward(float[] dy, float[] gamma, float[] dx, float[] dGamma, float[] dBeta, float[] dxSums, int rows) {
        Arrays.fill(dGamma, 0f);
        Arrays.fill(dBeta, 0f);
        Arrays.fill(dxSums, 0f);
        float[] g = row;
        float[] h = hat;
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            System.arraycopy(dy, o, g, 0, d);
            System.arraycopy(xhat, o, h, 0, d);
            for (int c = 0; c < d; c++) {
                dGamma[c] += g[c] * h[c];
                dBeta[c] += g[c];
                g[c] *= gamma[c];
            }
            float mg = FloatSums.sum(g, 0, d) / d;
            float mgx = FloatSums.dot(g, 0, h, 0, d) / d;
            float s = inv[r];
            for (int c = 0; c < d; c++) {
                g[c] = s * (g[c] - mg - h[c] * mgx);
                dxSums[c] += g[c];
            }
            System.arraycopy(g, 0, dx, o, d);
        }
    }
}
