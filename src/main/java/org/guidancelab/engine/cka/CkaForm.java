package org.guidancelab.engine.cka;

/**
 * The two equivalent ways of computing linear CKA on a minibatch of n examples with p target and q guide features.
 * Their results agree to rounding; their costs differ by orders of magnitude depending on n, p and q (a conv tap of
 * 16x28x28 makes the feature form about 200x slower than the Gram form at n = 128).
 */
public enum CkaForm {
    /** Cross-covariances Y^T X, X^T X, Y^T Y: cost grows with p*q, p^2, q^2. */
    FEATURE,
    /** Centred Gram matrices X X^T, Y Y^T (n x n): cost grows with n^2 (p + q). */
    GRAM;

    /**
     * The cheaper form for value and target-side gradient, by a multiply-add count of the products each form does.
     * Feature: Y^T X, X^T X, Y^T Y, then Y A and X Kx for the gradient. Gram: X X^T, Y Y^T, then G X.
     */
    public static CkaForm cheaper(long n, long p, long q) {
        double feature = (double) n * (2.0 * p * q + 2.0 * p * p + (double) q * q);
        double gram = (double) n * n * (2.0 * p + q);
        return feature <= gram ? FEATURE : GRAM;
    }
}
