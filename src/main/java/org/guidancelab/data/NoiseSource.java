package org.guidancelab.data;

/**
 * Noise inputs shaped like a task's inputs, for guidance on noise (the guide sees noise while the target sees the
 * real batch) and for the alignment-only pre-phase. Real-valued inputs get standard Gaussian values (the readers
 * and generators standardise their inputs, so N(0, 1) has the data's scale); token inputs get token ids drawn
 * uniformly from the whole vocabulary 0..vocabSize-1 (stored as floats, like real token inputs).
 *
 * <p>{@link #fill(long, float[], int)} is a pure function of (seed, step), so every arm and a resumed run draw the
 * same noise at the same step; it allocates nothing.
 */
public final class NoiseSource {
    private final int inputSize;
    private final boolean tokens;
    private final int vocabSize;
    private final long seed;

    public NoiseSource(TaskData shape, long seed) {
        this(shape.inputSize(), shape.tokens(), shape.vocabSize(), seed);
    }

    public NoiseSource(int inputSize, boolean tokens, int vocabSize, long seed) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("input size must be positive, got " + inputSize);
        }
        if (tokens && vocabSize <= 0) {
            throw new IllegalArgumentException("token inputs need a positive vocabulary size, got " + vocabSize);
        }
        this.inputSize = inputSize;
        this.tokens = tokens;
        this.vocabSize = vocabSize;
        this.seed = seed;
    }

    public int inputSize() {
        return inputSize;
    }

    /** Writes {@code n * inputSize} noise values for {@code step} into {@code out}. */
    public void fill(long step, float[] out, int n) {
        int count = n * inputSize;
        if (out.length < count) {
            throw new IllegalArgumentException("buffer holds " + out.length + " values, need " + count);
        }
        long state = SeededRandom.derive(seed, step);
        if (tokens) {
            for (int i = 0; i < count; i++) {
                state += 0x9e3779b97f4a7c15L;
                long r = SeededRandom.mix(state) >>> 1;
                out[i] = (float) (r % vocabSize);
            }
            return;
        }
        // Marsaglia's polar method with StrictMath.log and the exact Math.sqrt: identical on every machine.
        int i = 0;
        while (i < count) {
            state += 0x9e3779b97f4a7c15L;
            double u = 2 * ((SeededRandom.mix(state) >>> 11) * 0x1.0p-53) - 1;
            state += 0x9e3779b97f4a7c15L;
            double v = 2 * ((SeededRandom.mix(state) >>> 11) * 0x1.0p-53) - 1;
            double s = u * u + v * v;
            if (s >= 1 || s == 0) {
                continue;
            }
            double m = Math.sqrt(-2.0 * StrictMath.log(s) / s);
            out[i++] = (float) (u * m);
            if (i < count) {
                out[i++] = (float) (v * m);
            }
        }
    }
}
