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
        int rows = (int) a.rows();
        int cols = (int) a.columns();
        return new Rows(rows, cols, contiguousFloat(a) ? readFloats(a, rows * cols) : a.dup('c').data().asDouble());
    }

    /**
     * A float array laid out row after row in its buffer (a model's logits, usually): read in one bulk copy. The
     * general path's {@code dup} costs a native allocation per call, twice a training step (loss and accuracy).
     */
    private static boolean contiguousFloat(INDArray a) {
        return a.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT && a.ordering() == 'c'
                && a.elementWiseStride() == 1 && a.stride(0) == a.columns() && a.offset() + a.length() <= a.data().length();
    }

    private static double[] readFloats(INDArray a, int count) {
        float[] f = new float[count];
        a.data().asNioFloat().get((int) a.offset(), f);
        double[] d = new double[count];
        for (int i = 0; i < count; i++) {
            d[i] = f[i];
        }
        return d;
    }

    double get(int r, int c) {
        return values[r * cols + c];
    }
}
