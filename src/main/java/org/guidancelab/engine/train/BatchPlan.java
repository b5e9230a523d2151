package org.guidancelab.engine.train;

import java.util.SplittableRandom;

/**
 * The data order shared by every arm: a fresh seeded permutation of the training set per epoch, batches taken in
 * sequence across epoch boundaries. Batch k is a pure function of (seed, k), so arms see the same batches and a
 * resumed run picks up exactly where it stopped.
 */
final class BatchPlan {
    private final int size;
    private final int batchSize;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    BatchPlan(int size, int batchSize, long seed) {
        if (size <= 0) {
            throw new IllegalArgumentException("the training split is empty");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.size = size;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Example indices of batch {@code k} (0-based). */
    int[] batch(long k) {
        int[] out = new int[batchSize];
        long start = k * batchSize;
        for (int i = 0; i < batchSize; i++) {
            long pos = start + i;
            out[i] = order(pos / size)[(int) (pos % size)];
        }
        return out;
    }

    private int[] order(long epoch) {
        if (epoch != cachedEpoch) {
            int[] perm = new int[size];
            for (int i = 0; i < size; i++) {
                perm[i] = i;
            }
            SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
            for (int i = size - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            cachedOrder = perm;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
