package org.guidancelab.engine.train;

import java.util.SplittableRandom;
import org.guidancelab.data.TaskData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Noise shaped like the task's inputs, for noise-guided arms and the noise pre-phase: standard Gaussian values for
 * real inputs, uniform random token ids for token inputs. Batch k of a phase is a pure function of (seed, phase, k).
 */
final class NoiseInputs {
    private final TaskData data;
    private final BatchLoader shapes;
    private final long seed;
    private INDArray buffer;
    private float[] values;

    NoiseInputs(TaskData data, long seed) {
        this.data = data;
        this.shapes = new BatchLoader(data);
        this.seed = seed;
    }

    INDArray batch(Phase phase, long k, int n) {
        if (buffer == null || buffer.size(0) != n) {
            buffer = Nd4j.create(DataType.FLOAT, shapes.shape(n));
            values = new float[n * data.inputSize()];
        }
        SplittableRandom r = new SplittableRandom(seed * 31 + phase.ordinal() * 0x632BE59BD9B4E019L + k * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < values.length; i++) {
            values[i] = data.tokens() ? r.nextInt(Math.max(1, data.vocabSize())) : (float) r.nextGaussian();
        }
        buffer.data().setData(values);
        return buffer;
    }
}
