package org.guidancelab.data;

import java.util.Objects;

/**
 * One split of a dataset as plain arrays (the engine turns them into tensors; {@code data} imports no ND4J).
 *
 * @param size   number of examples
 * @param x      inputs, example-major: {@code size * prod(inputShape)} values (token ids stored as floats)
 * @param y      labels, example-major: {@code size * labelsPerExample} class ids; -1 marks a position that
 *               carries no loss (e.g. the prompt of a copy task, padding)
 */
public record Split(int size, float[] x, int[] y) {
    public Split {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
