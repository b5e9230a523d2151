package org.guidancelab.data;

/** Helpers to slice and reorder example-major splits. */
final class Splits {
    private Splits() {
    }

    static Split empty() {
        return new Split(0, new float[0], new int[0]);
    }

    /** The examples at {@code indices}, in that order, as a new split. */
    static Split select(Split s, int[] indices, int from, int to, int inputSize, int labelsPerExample) {
        int n = to - from;
        float[] x = new float[n * inputSize];
        int[] y = new int[n * labelsPerExample];
        for (int i = 0; i < n; i++) {
            int src = indices[from + i];
            System.arraycopy(s.x(), src * inputSize, x, i * inputSize, inputSize);
            System.arraycopy(s.y(), src * labelsPerExample, y, i * labelsPerExample, labelsPerExample);
        }
        return new Split(n, x, y);
    }

    /** The first {@code n} examples. */
    static Split head(Split s, int n, int inputSize, int labelsPerExample) {
        if (n >= s.size()) {
            return s;
        }
        float[] x = java.util.Arrays.copyOf(s.x(), n * inputSize);
        int[] y = java.util.Arrays.copyOf(s.y(), n * labelsPerExample);
        return new Split(n, x, y);
    }
}
