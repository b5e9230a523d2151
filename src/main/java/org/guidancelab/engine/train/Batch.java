package org.guidancelab.engine.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Inputs [n, ...inputShape] and labels (n * labelsPerExample, -1 = masked) of one batch. */
record Batch(INDArray x, int[] labels) {
    int size() {
        return (int) x.size(0);
    }
}
