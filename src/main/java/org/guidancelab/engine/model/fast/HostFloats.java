package org.guidancelab.engine.model.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Bulk copies between dense C-order FLOAT arrays and Java arrays, where the element-wise work of the Transformer path
 * runs: one copy each way and no ND4J op, which costs less than any native element-wise op at these sizes.
 */
final class HostFloats {
    private HostFloats() {
    }

    /** The first {@code count} values of the dense C-order FLOAT array {@code a} into {@code into}. */
    static void read(INDArray a, float[] into, int count) {
        a.data().asNioFloat().get((int) a.offset(), into, 0, count);
    }

    /** The first {@code count} of {@code from} into the dense C-order FLOAT array {@code a}. */
    static void write(float[] from, INDArray a, int count) {
        a.data().asNioFloat().put((int) a.offset(), from, 0, count);
    }

    /** The first {@code count} values of an array handed in from outside (any layout or dtype) into {@code into}. */
    static void readAny(INDArray a, float[] into, int count) {
        if (a.dataType() == DataType.FLOAT && a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a)) {
            read(a, into, count);
        } else {
            read(a.castTo(DataType.FLOAT).dup('c'), into, count);
        }
    }

    /** {@code acc[i] += values of a} for the first {@code count} values of an array handed in from outside. */
    static void addAny(INDArray a, float[] scratch, float[] acc, int count) {
        readAny(a, scratch, count);
        for (int i = 0; i < count; i++) {
            acc[i] += scratch[i];
        }
    }
}
