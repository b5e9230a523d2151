package org.guidancelab.data;

/**
 * A small SplitMix64 generator with our own Gaussian and bounded-integer methods, so that every generator gives
 * bit-identical output for the same seed on any machine and any JDK (the JDK's {@code nextGaussian} and bounded
 * methods are implementation details that have changed between releases; {@link StrictMath} is specified exactly).
 */
public final class SeededRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 finaliser: a good 64-bit hash, also used to derive independent seeds. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed derived from a base seed and a stream number (split, epoch, step...), independent across streams. */
    public static long derive(long seed, long stream) {
        return mix(mix(seed) + GOLDEN_GAMMA * (stream + 1));
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [0, bound), unbiased (rejection of the short last range). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = (1L << 31) - ((1L << 31) % bound);
        long r;
        do {
            r = nextLong() >>> 33;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Uniform in [lo, hi] inclusive. */
    public int nextIntInclusive(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /**
     * Standard normal by Marsaglia's polar method: only {@link StrictMath#log} and the exactly rounded
     * {@link Math#sqrt}, no sine or cosine, so it is both reproducible everywhere and cheap (pixel noise calls it
     * once per pixel).
     */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2.0 * StrictMath.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }

    /** Fisher-Yates shuffle in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** 0..n-1 in a random order. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
