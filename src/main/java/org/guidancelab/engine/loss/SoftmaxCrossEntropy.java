package org.guidancelab.engine.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax cross-entropy over rows of logits [rows, classes], one label per row (per example, or per token for
 * sequence heads whose logits are [n*T, classes], example-major). Rows labelled -1 are masked: they add nothing to
 * the loss or gradient, and the mean is over counted rows only.
 *
 * <p>Works on the logits' buffer directly (rows are small next to the network's products), computing log-softmax
 * with the max subtracted for stability, in double.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * Mean CE over labelled rows; writes dLoss/dLogits into {@code dLogits} (same shape, overwritten) unless null.
     *
     * @param labels one class id per row, -1 = masked
     */
    public static LossValue compute(INDArray logits, int[] labels, INDArray dLogits) {
        Rows z = Rows.of(logits);
        checkLabels(z, labels);
        int counted = 0;
        for (int label : labels) {
            if (label >= 0) {
                counted++;
            }
        }
        double total = 0;
        double[] prob = new double[z.cols];
        double[] grad = dLogits == null ? null : new double[z.rows * z.cols];
        for (int r = 0; r < z.rows; r++) {
            int label = labels[r];
            if (label < 0) {
                continue;
            }
            double logSum = Softmax.row(z, r, 1.0, prob);
            total += logSum - z.get(r, label);
            if (grad != null) {
                for (int c = 0; c < z.cols; c++) {
                    grad[r * z.cols + c] = (prob[c] - (c == label ? 1.0 : 0.0)) / counted;
                }
            }
        }
        if (grad != null) {
            GradientWriter.write(dLogits, grad);
        }
        return new LossValue(counted == 0 ? 0.0 : total / counted, counted);
    }

    static void checkLabels(Rows z, int[] labels) {
        if (labels.length != z.rows) {
            throw new IllegalArgumentException("cross-entropy: " + labels.length + " labels for " + z.rows + " rows of logits");
        }
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] >= z.cols || labels[r] < -1) {
                throw new IllegalArgumentException("cross-entropy: label " + labels[r] + " at row " + r
                        + " is outside 0.." + (z.cols - 1) + " (or -1 for masked)");
            }
        }
    }
}
