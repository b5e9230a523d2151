package org.guidancelab.cli;

import java.nio.file.Path;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.GramCka;

/**
 * Why {@code cka} refuses a pair of matrices rather than print a number that means nothing: different examples on
 * the two sides, too few for the unbiased estimator, or a representation without variance (CKA divides by it).
 * Each check throws an {@link IllegalArgumentException} whose message names the file.
 */
final class CkaInputs {
    /** The unbiased estimator divides by n - 3. */
    static final int UNBIASED_MIN_ROWS = 4;

    private CkaInputs() {
    }

    static void check(Path x, double[][] a, Path y, double[][] b, CkaEstimator estimator) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(x + " has " + a.length + " rows but " + y + " has " + b.length
                    + "; the rows must be the same examples");
        }
        if (estimator == CkaEstimator.UNBIASED && a.length < UNBIASED_MIN_ROWS) {
            throw new IllegalArgumentException("--unbiased needs at least " + UNBIASED_MIN_ROWS
                    + " rows (examples), got " + a.length);
        }
        requireVariance(x, a);
        requireVariance(y, b);
    }

    /** The prepared Gram of a representation whose HSIC with itself is positive, as CKA's denominator needs. */
    static double[][] prepared(Path file, double[][] m, CkaEstimator estimator) {
        double[][] k = GramCka.prepare(GramCka.gram(m), estimator);
        double self = GramCka.hsic(k, k, estimator);
        if (!(self > 0 && Double.isFinite(self))) {
            throw new IllegalArgumentException(undefined(file) + "its HSIC with itself is " + self
                    + " (the representation is constant up to rounding)");
        }
        return k;
    }

    /** Exact test, before any arithmetic: centring constant columns in floating point may leave rounding noise. */
    private static void requireVariance(Path file, double[][] m) {
        for (int c = 0; c < m[0].length; c++) {
            for (double[] row : m) {
                if (row[c] != m[0][c]) {
                    return;
                }
            }
        }
        throw new IllegalArgumentException(undefined(file) + "every column is constant, so the representation has "
                + "zero variance");
    }

    private static String undefined(Path file) {
        return "CKA is undefined for " + file + ": ";
    }
}
