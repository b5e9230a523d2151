package org.guidancelab.engine.cka;

/** Which HSIC estimator a CKA value was computed with; heatmaps label themselves with it. */
public enum CkaEstimator {
    /** The paper's minibatch CKA (biased HSIC_0), in [0, 1]; the training term. */
    BIASED("linear CKA (biased)"),
    /**
     * Nguyen, Raghu and Kornblith (2021): HSIC_1 with zeroed Gram diagonals, unbiased in the batch size; needs n >= 4
     * and can be slightly negative. For analysis only.
     */
    UNBIASED("linear CKA (unbiased minibatch estimator)");

    private final String label;

    CkaEstimator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
