package org.guidancelab.data;

/**
 * The seeded order in which minibatches visit a split: epoch {@code e} is a permutation of 0..n-1 drawn from
 * {@code (seed, e)} alone, and step {@code s} is batch {@code s % stepsPerEpoch} of epoch {@code s / stepsPerEpoch}.
 * So the indices of any step are a pure function of (n, batchSize, dropLast, seed, step): every arm of an
 * experiment that builds a BatchOrder with the same arguments sees the same examples at the same step, and a
 * resumed run continues exactly where it stopped.
 *
 * <p>With {@code dropLast = false} each epoch covers every example exactly once and its last batch may be smaller;
 * with {@code dropLast = true} every batch is full and the {@code n % batchSize} examples left at the end of an
 * epoch's permutation are skipped for that epoch (a different few each epoch), which keeps minibatch CKA on equal
 * footing across steps.
 *
 * <p>Not thread-safe (it caches the current epoch's permutation); give each thread its own instance.
 */
public final class BatchOrder {
    private final int n;
    private final int batchSize;
    private final boolean dropLast;
    private final long seed;
    private final int stepsPerEpoch;
    private final int[] permutation;
    private long cachedEpoch = -1;

    public BatchOrder(int n, int batchSize, boolean dropLast, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("cannot batch an empty split");
        }
        if (dropLast && n < batchSize) {
            throw new IllegalArgumentException("batch size " + batchSize + " exceeds the " + n
                    + " examples of the split (with dropLast no batch could be filled)");
        }
        this.n = n;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
        this.seed = seed;
        this.stepsPerEpoch = dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
        this.permutation = new int[n];
    }

    public int size() {
        return n;
    }

    public int batchSize() {
        return batchSize;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public long epochOf(long step) {
        return step / stepsPerEpoch;
    }

    /** Number of examples in the batch of {@code step}. */
    public int batchLength(long step) {
        int b = (int) (step % stepsPerEpoch);
        return Math.min(batchSize, n - b * batchSize);
    }

    /** Writes the example indices of {@code step} into {@code out} (length >= batchSize); returns how many. */
    public int indices(long step, int[] out) {
        if (step < 0) {
            throw new IllegalArgumentException("negative step " + step);
        }
        ensureEpoch(epochOf(step));
        int start = (int) (step % stepsPerEpoch) * batchSize;
        int len = batchLength(step);
        System.arraycopy(permutation, start, out, 0, len);
        return len;
    }

    /** Rebuilds the permutation for {@code epoch} in place: identity, then a Fisher-Yates shuffle (no allocation). */
    private void ensureEpoch(long epoch) {
        if (epoch == cachedEpoch) {
            return;
        }
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        // Inline SplitMix64 so a new epoch allocates nothing either.
        long state = SeededRandom.derive(seed, epoch);
        for (int i = n - 1; i > 0; i--) {
            state += 0x9e3779b97f4a7c15L;
            long r = SeededRandom.mix(state) >>> 1;
            int j = (int) (r % (i + 1));
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        cachedEpoch = epoch;
    }
}
