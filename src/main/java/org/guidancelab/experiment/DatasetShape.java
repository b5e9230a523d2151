package org.guidancelab.experiment;

import java.util.List;

/**
 * What a dataset hands a network, known without loading it: per-example input shape ([D], [C,H,W] or [T] for
 * tokens), whether inputs are token ids of a vocabulary, the class count and whether labels are per token.
 */
public record DatasetShape(List<Integer> inputShape, boolean tokens, int vocabSize, int classes, boolean perToken) {
    public DatasetShape {
        inputShape = List.copyOf(inputShape);
    }

    static DatasetShape real(int classes, Integer... shape) {
        return new DatasetShape(List.of(shape), false, 0, classes, false);
    }
}
