package org.guidancelab.engine.train;

import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies examples from a split's plain arrays into an input tensor (the data order itself is the data package's
 * {@link org.guidancelab.data.BatchOrder}). Training batches reuse one buffer (their size
 * never changes); evaluation ranges get arrays of their own.
 */
final class BatchLoader {
    private final TaskData data;
    private final int inputSize;
    private final int labelsPer;
    private float[] staging;
    private INDArray buffer;

    BatchLoader(TaskData data) {
        this.data = data;
        this.inputSize = data.inputSize();
        this.labelsPer = Math.max(1, data.labelsPerExample());
    }

    /** The examples at the first {@code count} {@code indices} of the training split, into the reused buffer. */
    Batch training(int[] indices, int count) {
        Split split = data.train();
        if (buffer == null || buffer.size(0) != count) {
            buffer = Nd4j.create(DataType.FLOAT, shape(count));
            staging = new float[count * inputSize];
        }
        int[] labels = new int[count * labelsPer];
        for (int i = 0; i < count; i++) {
            System.arraycopy(split.x(), indices[i] * inputSize, staging, i * inputSize, inputSize);
            System.arraycopy(split.y(), indices[i] * labelsPer, labels, i * labelsPer, labelsPer);
        }
        // One bulk copy into the native buffer (DataBuffer.setData copies value by value).
        buffer.data().asNioFloat().put(0, staging);
        return new Batch(buffer, labels);
    }

    /** Inputs and labels given as plain arrays ({@code count} examples), in new arrays. */
    Batch of(float[] x, int[] y, int count) {
        return new Batch(Nd4j.create(x.clone(), shape(count), 'c'), y.clone());
    }

    /** Examples {@code from .. from+count-1} of {@code split}, in new arrays. */
    Batch range(Split split, int from, int count) {
        float[] x = new float[count * inputSize];
        System.arraycopy(split.x(), from * inputSize, x, 0, x.length);
        int[] labels = new int[count * labelsPer];
        System.arraycopy(split.y(), from * labelsPer, labels, 0, labels.length);
        return new Batch(Nd4j.create(x, shape(count), 'c'), labels);
    }

    long[] shape(int n) {
        int[] s = data.inputShape();
        long[] out = new long[s.length + 1];
        out[0] = n;
        for (int i = 0; i < s.length; i++) {
            out[i + 1] = s[i];
        }
        return out;
    }
}
