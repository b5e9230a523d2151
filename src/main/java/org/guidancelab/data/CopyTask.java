package org.guidancelab.data;

/**
 * The copy-paste task of the paper: a digit sequence, a COPY token, then the model must reproduce the sequence.
 *
 * <p><b>Tokens</b> (vocabulary 12): {@code 0..9} digits, {@link #COPY} = 10, {@link #PAD} = 11.
 *
 * <p><b>One example</b>, with {@code L} uniform in [minLength, maxLength] and digits {@code d1..dL} uniform in 0..9:
 * the stream {@code s = d1 .. dL COPY d1 .. dL PAD .. PAD} of fixed total length {@code T} (default
 * {@code 2 * maxLength + 1}, the shortest that fits every example).
 *
 * <p><b>Next-token style with teacher forcing:</b> the input is the whole stream, {@code x[t] = s[t]} for t in
 * 0..T-1, and the label at position t is the next token, but only where that next token is a copied digit:
 * {@code y[t] = s[t+1]} for {@code t in [L, 2L-1]} (at the COPY token the target is d1, at the first copied digit
 * it is d2, ...), and {@code y[t] = -1} everywhere else (prompt digits, the last copied digit, padding), so the loss
 * is computed on exactly the L positions to copy. Label classes are the 10 digits. Because the input at t+1 holds
 * the answer for t, the network must be causal (an RNN, or a Transformer block with {@code causal = true}).
 *
 * <p>Example ({@code L = 3}, T = 9): x = {@code 4 7 1 C 4 7 1 P P}, y = {@code -1 -1 -1 4 7 1 -1 -1 -1}.
 */
public final class CopyTask {
    public static final int COPY = 10;
    public static final int PAD = 11;
    public static final int VOCAB = 12;
    public static final int DIGITS = 10;

    public record Settings(int train, int validation, int test, long seed, int minLength, int maxLength,
                           int totalLength) {
        public Settings {
            if (minLength < 1 || maxLength < minLength) {
                throw new IllegalArgumentException("need 1 <= minLength <= maxLength, got " + minLength + ".." + maxLength);
            }
            if (totalLength < 2 * maxLength + 1) {
                throw new IllegalArgumentException("totalLength " + totalLength + " < 2 * maxLength + 1 = "
                        + (2 * maxLength + 1));
            }
        }

        public static Settings defaults() {
            return new Settings(2000, 500, 500, 0L, 2, 10, 21);
        }
    }

    private CopyTask() {
    }

    public static TaskData generate(Settings s) {
        Split train = split(s, s.train(), SeededRandom.derive(s.seed(), 0));
        Split validation = split(s, s.validation(), SeededRandom.derive(s.seed(), 1));
        Split test = split(s, s.test(), SeededRandom.derive(s.seed(), 2));
        int t = s.totalLength();
        String name = "copy (lengths " + s.minLength() + "-" + s.maxLength() + ", T=" + t + ")";
        return new TaskData(name, new int[] {t}, true, VOCAB, DIGITS, t, train, validation, test);
    }

    private static Split split(Settings s, int n, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        int t = s.totalLength();
        float[] x = new float[n * t];
        int[] y = new int[n * t];
        int[] digits = new int[s.maxLength()];
        for (int i = 0; i < n; i++) {
            int len = rng.nextIntInclusive(s.minLength(), s.maxLength());
            for (int k = 0; k < len; k++) {
                digits[k] = rng.nextInt(DIGITS);
            }
            encode(digits, len, t, x, y, i * t);
        }
        return new Split(n, x, y);
    }

    /** Writes one example for digits[0..len-1] at {@code offset} (exposed to tests through {@link #example}). */
    static void encode(int[] digits, int len, int t, float[] x, int[] y, int offset) {
        for (int p = 0; p < t; p++) {
            int token;
            if (p < len) {
                token = digits[p];
            } else if (p == len) {
                token = COPY;
            } else if (p <= 2 * len) {
                token = digits[p - len - 1];
            } else {
                token = PAD;
            }
            x[offset + p] = token;
            y[offset + p] = (p >= len && p <= 2 * len - 1) ? digits[p - len] : -1;
        }
    }

    /** One example as (tokens, labels) for the given digits, padded to {@code t}: handy for tests and docs. */
    public static int[][] example(int[] digits, int t) {
        float[] x = new float[t];
        int[] y = new int[t];
        encode(digits, digits.length, t, x, y, 0);
        int[] xi = new int[t];
        for (int p = 0; p < t; p++) {
            xi[p] = (int) x[p];
        }
        return new int[][] {xi, y};
    }
}
