package org.guidancelab.engine.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Argmax accuracy over labelled rows (per example, or per token for sequence heads); -1 rows are not counted. */
public final class Accuracy {
    private Accuracy() {
    }

    /** Number of labelled rows whose argmax logit is the label. */
    public static int correct(INDArray logits, int[] labels) {
        Rows z = Rows.of(logits);
        SoftmaxCrossEntropy.checkLabels(z, labels);
        int correct = 0;
        for (int r = 0; r < z.rows; r++) {
            if (labels[r] < 0) {
                continue;
            }
            int best = 0;
            for (int c = 1; c < z.cols; c++) {
                if (z.get(r, c) > z.get(r, best)) {
                    best = c;
                }
            }
            if (best == labels[r]) {
                correct++;
            }
        }
        return correct;
    }

    /** Fraction of labelled rows predicted right (NaN when no row is labelled). */
    public static double of(INDArray logits, int[] labels) {
        int counted = 0;
        for (int l : labels) {
            if (l >= 0) {
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : correct(logits, labels) / (double) counted;
    }
}
