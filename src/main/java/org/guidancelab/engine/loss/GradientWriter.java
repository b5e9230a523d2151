package org.guidancelab.engine.loss;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes a row-major double[] into a [rows, cols] array: straight into the native buffer when the array owns it
 * whole in 'c' order (the usual case: a trainer's preallocated gradient), else through one assign. One putScalar per
 * value costs about a microsecond each, which dominated small steps.
 */
final class GradientWriter {
    private GradientWriter() {
    }

    static void write(INDArray target, double[] values) {
        boolean whole = target.ordering() == 'c' && target.offset() == 0 && target.length() == target.data().length()
                && target.length() == values.length;
        if (whole && target.dataType() == DataType.FLOAT) {
            FloatBuffer fb = target.data().asNioFloat();
            for (int i = 0; i < values.length; i++) {
                fb.put(i, (float) values[i]);
            }
        } else if (whole && target.dataType() == DataType.DOUBLE) {
            target.data().asNioDouble().put(0, values);
        } else {
            target.assign(Nd4j.createFromArray(values).reshape(target.shape()).castTo(target.dataType()));
        }
    }
}
