package org.guidancelab.engine.model.samediff;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws inverted-dropout masks (kept values scaled by 1 / (1 - rate)) from a generator seeded with the model's
 * seed, so the same seed and the same sequence of calls give the same masks.
 */
final class DropoutMasks {
    private final Random rng;

    DropoutMasks(long seed) {
        // A different stream from the weight initialisation, which uses the seed itself.
        this.rng = new Random(seed ^ 0x6A09E667F3BCC909L);
    }

    INDArray mask(DropoutSite site, long n, boolean training, DataType dtype) {
        long[] shape = new long[site.exampleShape().size() + 1];
        shape[0] = n;
        long count = n;
        for (int i = 0; i < site.exampleShape().size(); i++) {
            shape[i + 1] = site.exampleShape().get(i);
            count *= shape[i + 1];
        }
        if (!training) {
            return Nd4j.ones(dtype, shape);
        }
        double keep = 1.0 / (1.0 - site.rate());
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextDouble() < site.rate() ? 0.0 : keep;
        }
        return Nd4j.create(values, shape, dtype);
    }
}
