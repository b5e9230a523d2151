package org.guidancelab.engine.train;

import org.guidancelab.data.NoiseSource;
import org.guidancelab.data.TaskData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Noise batches shaped like the task's inputs (the data package's {@link NoiseSource}: Gaussian for real inputs,
 * uniform token ids for token inputs) in a reused tensor. Each phase has its own stream, so pre-phase noise and the
 * noise a noise-guided arm's guide sees differ, while batch k of a phase is a pure function of (seed, phase, k).
 */
final class NoiseInputs {
    private final BatchLoader shapes;
    private final NoiseSource[] sources = new NoiseSource[Phase.values().length];
    private INDArray buffer;
    private float[] values;

    NoiseInputs(TaskData data, long seed) {
        this.shapes = new BatchLoader(data);
        for (Phase p : Phase.values()) {
            sources[p.ordinal()] = new NoiseSource(data, seed * 31 + 0x632BE59BD9B4E019L * (p.ordinal() + 1));
        }
        this.values = new float[0];
    }

    INDArray batch(Phase phase, long k, int n) {
        if (buffer == null || buffer.size(0) != n) {
            buffer = Nd4j.create(DataType.FLOAT, shapes.shape(n));
            values = new float[(int) buffer.length()];
        }
        sources[phase.ordinal()].fill(k, values, n);
        buffer.data().asNioFloat().put(0, values);
        return buffer;
    }
}
