package org.guidancelab.engine.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Reads a [rows, cols] array in double, whatever its order or data type, copying once into a plain array. */
final class Rows {
    final int rows;
    final int cols;
    private final double[] values;

    private Rows(int rows, int cols, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    static Rows of(INDArray a) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException("expected logits [rows, classes], got shape " + java.util.Arrays.toString(a.shape()));
        }
        return new Rows((int) a.rows(), (int) a.columns(), a.dup('c').data().asDouble());
    }

    double get(int r, int c) {
        return values[r * cols + c];
    }
}
