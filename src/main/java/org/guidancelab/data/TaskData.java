package org.guidancelab.data;

import java.util.Objects;

/**
 * A loaded or generated dataset: splits plus what a network needs to know to consume it.
 *
 * @param name             human-readable name ("shapes 28x28", "MNIST from /data/mnist", ...)
 * @param inputShape       per-example input shape: [D], [C,H,W], or [T] for token sequences
 * @param tokens           inputs are token ids in 0..vocabSize-1 (stored as floats)
 * @param vocabSize        for token inputs; 0 otherwise
 * @param classes          number of output classes
 * @param labelsPerExample 1 for per-example classification, T for per-token tasks
 */
public record TaskData(String name, int[] inputShape, boolean tokens, int vocabSize, int classes,
                       int labelsPerExample, Split train, Split validation, Split test) {
    public TaskData {
        Objects.requireNonNull(name, "name");
        inputShape = inputShape.clone();
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }

    /** Values per example in {@link Split#x()}. */
    public int inputSize() {
        int p = 1;
        for (int d : inputShape) {
            p *= d;
        }
        return p;
    }

    public boolean perToken() {
        return labelsPerExample > 1;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }
}
