package org.guidancelab.engine.cka;

/**
 * CKA from Gram matrices held as plain {@code double[][]}, the analysis path: one Gram per tap is prepared once and
 * then paired with every other, so an L x M heatmap costs L + M Gram products and L*M cheap inner products.
 */
public final class GramCka {
    private GramCka() {
    }

    /**
     * What one tap contributes to CKA: for the biased estimator its double-centred Gram H K H, for the unbiased
     * estimator the raw Gram with its diagonal zeroed (HSIC_1 centres implicitly).
     */
    public static double[][] prepare(double[][] gram, CkaEstimator estimator) {
        int n = gram.length;
        double[][] out = new double[n][n];
        if (estimator == CkaEstimator.BIASED) {
            double[] rowMean = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += gram[i][j];
                }
                rowMean[i] = s / n;
                total += s;
            }
            double mean = total / ((double) n * n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // K is symmetric, so column means equal row means.
                    out[i][j] = gram[i][j] - rowMean[i] - rowMean[j] + mean;
                }
            }
        } else {
            if (n < 4) {
                throw new IllegalArgumentException("the unbiased CKA estimator needs at least 4 examples, got " + n);
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(gram[i], 0, out[i], 0, n);
                out[i][i] = 0;
            }
        }
        return out;
    }

    /** HSIC between two prepared Grams (up to a factor shared by numerator and denominator of CKA). */
    public static double hsic(double[][] k, double[][] l, CkaEstimator estimator) {
        int n = k.length;
        if (estimator == CkaEstimator.BIASED) {
            return frobenius(k, l);
        }
        // HSIC_1 = [tr(K L) + (1'K1)(1'L1)/((n-1)(n-2)) - 2/(n-2) 1'K L 1] / (n(n-3)), K and L with zero diagonals.
        double trace = frobenius(k, l); // K and L are symmetric, so tr(K L) = <K, L>
        double sumK = 0, sumL = 0, cross = 0;
        double[] kRow = new double[n];
        double[] lRow = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kRow[i] += k[i][j];
                lRow[i] += l[i][j];
            }
            sumK += kRow[i];
            sumL += lRow[i];
            cross += kRow[i] * lRow[i]; // 1'K L 1 = (K 1) . (L 1) for symmetric K
        }
        double v = trace + sumK * sumL / ((n - 1.0) * (n - 2.0)) - 2.0 / (n - 2.0) * cross;
        return v / (n * (n - 3.0));
    }

    /** CKA between two prepared Grams; 0 when either side has no variance. */
    public static double ckaOfPrepared(double[][] k, double[][] l, CkaEstimator estimator) {
        double kl = hsic(k, l, estimator);
        double kk = hsic(k, k, estimator);
        double ll = hsic(l, l, estimator);
        double denom = Math.sqrt(kk * ll);
        return denom > 0 && Double.isFinite(denom) ? kl / denom : 0.0;
    }

    /** Gram matrix X X^T of rows of X, in double. */
    public static double[][] gram(double[][] x) {
        int n = x.length;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                double[] a = x[i];
                double[] b = x[j];
                for (int c = 0; c < a.length; c++) {
                    s += a[c] * b[c];
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        return g;
    }

    /** CKA of two example-by-feature matrices (rows are examples), plain double precision. */
    public static double cka(double[][] x, double[][] y, CkaEstimator estimator) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("CKA needs the same examples on both sides: " + x.length + " rows vs " + y.length);
        }
        return ckaOfPrepared(prepare(gram(x), estimator), prepare(gram(y), estimator), estimator);
    }

    private static double frobenius(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double[] ar = a[i];
            double[] br = b[i];
            for (int j = 0; j < ar.length; j++) {
                s += ar[j] * br[j];
            }
        }
        return s;
    }
}
