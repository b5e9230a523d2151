package org.guidancelab.data;

/**
 * The parity task of the paper: a bit string of variable length, label = parity (number of ones mod 2).
 *
 * <p><b>Tokens</b> (vocabulary 3): {@code 0}, {@code 1} bits, {@link #PAD} = 2. An example of length
 * {@code L} (uniform in [minLength, maxLength]) is its L bits followed by PAD up to the fixed total length
 * {@code T} (default maxLength), or with {@link Pad#LEFT} the PAD first and the bits last, so that the last position
 * holds the last bit (a recurrent network that reads its final state then has not just stepped through up to
 * {@code T - L} PAD tokens that wash its memory of the bits out). One label per example: 0 for an even number of
 * ones, 1 for odd; the padding side does not change the bits or labels drawn.
 *
 * <p>Labels are exactly balanced: each example is assigned a target parity (balanced, shuffled), its bits are drawn
 * uniformly, and if their parity is wrong one uniformly chosen bit is flipped; the bits stay uniformly distributed
 * given the parity.
 *
 * <p>Example: bits {@code 1 0 1 1}, T = 6: x = {@code 1 0 1 1 2 2} (right padding) or {@code 2 2 1 0 1 1}
 * (left padding), y = 1.
 */
public final class ParityTask {
    public static final int PAD = 2;
    public static final int VOCAB = 3;

    /** Which side of the bits the PAD tokens go. */
    public enum Pad {
        RIGHT, LEFT
    }

    public record Settings(int train, int validation, int test, long seed, int minLength, int maxLength,
                           int totalLength, Pad pad) {
        public Settings {
            if (minLength < 1 || maxLength < minLength) {
                throw new IllegalArgumentException("need 1 <= minLength <= maxLength, got " + minLength + ".." + maxLength);
            }
            if (totalLength < maxLength) {
                throw new IllegalArgumentException("totalLength " + totalLength + " < maxLength " + maxLength);
            }
            if (pad == null) {
                throw new IllegalArgumentException("pad side is required");
            }
        }

        /** Right padding, the task's original layout. */
        public Settings(int train, int validation, int test, long seed, int minLength, int maxLength,
                        int totalLength) {
            this(train, validation, test, seed, minLength, maxLength, totalLength, Pad.RIGHT);
        }

        public static Settings defaults() {
            return new Settings(2000, 500, 500, 0L, 2, 16, 16);
        }
    }

    private ParityTask() {
    }

    public static TaskData generate(Settings s) {
        Split train = split(s, s.train(), SeededRandom.derive(s.seed(), 0));
        Split validation = split(s, s.validation(), SeededRandom.derive(s.seed(), 1));
        Split test = split(s, s.test(), SeededRandom.derive(s.seed(), 2));
        int t = s.totalLength();
        String name = "parity (lengths " + s.minLength() + "-" + s.maxLength() + ", T=" + t
                + (s.pad() == Pad.LEFT ? ", padded left" : "") + ")";
        return new TaskData(name, new int[] {t}, true, VOCAB, 2, 1, train, validation, test);
    }

    private static Split split(Settings s, int n, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        int t = s.totalLength();
        int[] labels = BalancedLabels.draw(n, 2, rng);
        float[] x = new float[n * t];
        int[] bits = new int[s.maxLength()];
        for (int i = 0; i < n; i++) {
            int len = rng.nextIntInclusive(s.minLength(), s.maxLength());
            int ones = 0;
            for (int k = 0; k < len; k++) {
                bits[k] = rng.nextInt(2);
                ones += bits[k];
            }
            if ((ones & 1) != labels[i]) {
                int k = rng.nextInt(len);
                bits[k] ^= 1;
            }
            int off = i * t;
            int first = s.pad() == Pad.LEFT ? t - len : 0;
            for (int p = 0; p < t; p++) {
                x[off + p] = p >= first && p < first + len ? bits[p - first] : PAD;
            }
        }
        return new Split(n, x, labels);
    }

    /** The parity of a token row (PAD ignored): the definition the labels follow. */
    public static int parityOf(float[] x, int offset, int t) {
        int ones = 0;
        for (int p = 0; p < t; p++) {
            if (x[offset + p] == 1f) {
                ones++;
            }
        }
        return ones & 1;
    }
}
