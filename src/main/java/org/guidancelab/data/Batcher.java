package org.guidancelab.data;

/**
 * Copies the minibatch of a step into caller-provided buffers: {@code x} gets {@code batch * inputSize} floats and
 * {@code y} {@code batch * labelsPerExample} ints, example-major, in the order of {@link BatchOrder}. Nothing is
 * allocated per step, so the engine can reuse one pair of buffers (or the arrays behind its tensors) for a run.
 */
public final class Batcher {
    private final Split split;
    private final int inputSize;
    private final int labelsPerExample;
    private final BatchOrder order;
    private final int[] indices;

    public Batcher(Split split, int inputSize, int labelsPerExample, BatchOrder order) {
        if (order.size() != split.size()) {
            throw new IllegalArgumentException("batch order is for " + order.size() + " examples, split has "
                    + split.size());
        }
        this.split = split;
        this.inputSize = inputSize;
        this.labelsPerExample = labelsPerExample;
        this.order = order;
        this.indices = new int[order.batchSize()];
    }

    /** A batcher over the training split of {@code data} with a fresh order from {@code seed}. */
    public static Batcher forTraining(TaskData data, int batchSize, boolean dropLast, long seed) {
        Split train = data.train();
        return new Batcher(train, data.inputSize(), data.labelsPerExample(),
                new BatchOrder(train.size(), batchSize, dropLast, seed));
    }

    public BatchOrder order() {
        return order;
    }

    /** Floats needed in an x buffer for a full batch. */
    public int xBufferLength() {
        return order.batchSize() * inputSize;
    }

    /** Ints needed in a y buffer for a full batch. */
    public int yBufferLength() {
        return order.batchSize() * labelsPerExample;
    }

    /** Fills the buffers with the batch of {@code step}; returns the number of examples written. */
    public int fill(long step, float[] x, int[] y) {
        if (x.length < xBufferLength() || y.length < yBufferLength()) {
            throw new IllegalArgumentException("buffers too small: need x >= " + xBufferLength() + " and y >= "
                    + yBufferLength() + ", got " + x.length + " and " + y.length);
        }
        int len = order.indices(step, indices);
        float[] sx = split.x();
        int[] sy = split.y();
        for (int i = 0; i < len; i++) {
            int e = indices[i];
            System.arraycopy(sx, e * inputSize, x, i * inputSize, inputSize);
            System.arraycopy(sy, e * labelsPerExample, y, i * labelsPerExample, labelsPerExample);
        }
        return len;
    }

    /** The example indices of the last {@link #fill} call (valid up to the count it returned). */
    public int[] lastIndices() {
        return indices;
    }
}
