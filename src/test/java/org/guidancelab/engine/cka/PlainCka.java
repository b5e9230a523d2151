package org.guidancelab.engine.cka;

/** Textbook biased linear CKA in plain double Java, straight from the definition: the tests' reference. */
final class PlainCka {
    private PlainCka() {
    }

    static double biased(double[][] x, double[][] y) {
        double[][] xc = centre(x);
        double[][] yc = centre(y);
        double cross = sq(mulT(yc, xc));
        return cross / Math.sqrt(sq(mulT(xc, xc)) * sq(mulT(yc, yc)));
    }

    static double[][] centre(double[][] m) {
        int n = m.length;
        int d = m[0].length;
        double[][] out = new double[n][d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : m) {
                mean += row[j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                out[i][j] = m[i][j] - mean;
            }
        }
        return out;
    }

    /** a^T b. */
    static double[][] mulT(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[a[0].length][b[0].length];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[0].length; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[k][i] * b[k][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    static double sq(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }
}
