package org.guidancelab.engine.model.samediff;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted-dropout masks (kept values scaled by 1 / keep). Each training pass draws from its own generator,
 * seeded from the model seed and a count of training passes, so the whole random state is that one count:
 * checkpoints store it and a resumed run draws the same masks. The rule (generator, seed mix, draw order per
 * site in network order, row-major, {@code u < keep ? 1/keep : 0}) is the fast path's, so both implementations
 * drop the same units of the same Dense network.
 */
final class DropoutMasks {
    private final long seed;
    private long trainingPasses;
    private SplittableRandom pass;

    DropoutMasks(long seed) {
        this.seed = seed;
    }

    /** Starts a forward pass: a training pass gets the next generator, an eval pass draws nothing. */
    void beginPass(boolean training) {
        pass = training ? new SplittableRandom(seed * 0x9E3779B97F4A7C15L + trainingPasses++) : null;
    }

    long trainingPasses() {
        return trainingPasses;
    }

    void setTrainingPasses(long count) {
        trainingPasses = count;
    }

    /** The mask of one site for {@code n} examples: drawn in a training pass, all ones in an eval pass. */
    INDArray mask(DropoutSite site, long n, DataType dtype) {
        long[] shape = new long[site.exampleShape().size() + 1];
        shape[0] = n;
        long count = n;
        for (int i = 0; i < site.exampleShape().size(); i++) {
            shape[i + 1] = site.exampleShape().get(i);
            count *= shape[i + 1];
        }
        if (pass == null) {
            return Nd4j.ones(dtype, shape);
        }
        double keep = 1.0 - site.rate();
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = pass.nextDouble() < keep ? 1 / keep : 0;
        }
        return Nd4j.create(values, shape, dtype);
    }
}
