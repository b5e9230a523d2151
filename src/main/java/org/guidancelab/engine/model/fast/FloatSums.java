package org.guidancelab.engine.model.fast;

/**
 * Sums and dot products of short float runs with eight independent partial sums: HotSpot does not vectorise a float
 * reduction, and one running sum waits out the add's latency on every element (measured 4 cycles per element).
 */
final class FloatSums {
    private FloatSums() {
    }

    /** The sum of {@code a[from]} to {@code a[from + count - 1]}. */
    static float sum(float[] a, int from, int count) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = from;
        int end = from + count;
        for (; i + 8 <= end; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        for (; i < end; i++) {
            s0 += a[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The sum of {@code a[i] * a[i]} over the first {@code count} elements. */
    static float sumSquares(float[] a, int count) {
        return dot(a, 0, a, 0, count);
    }

    /** The sum of {@code a[aFrom + i] * b[bFrom + i]} for i below {@code count}. */
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int count) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= count; i += 8) {
            int x = aFrom + i;
            int y = bFrom + i;
            s0 += a[x] * b[y];
            s1 += a[x + 1] * b[y + 1];
            s2 += a[x + 2] * b[y + 2];
            s3 += a[x + 3] * b[y + 3];
            s4 += a[x + 4] * b[y + 4];
            s5 += a[x + 5] * b[y + 5];
            s6 += a[x + 6] * b[y + 6];
            s7 += a[x + 7] * b[y + 7];
        }
        for (; i < count; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The largest of {@code a[from]} to {@code a[from + count - 1]} ({@code count >= 1}), with four running maxima. */
    static float max(float[] a, int from, int count) {
        float m0 = a[from], m1 = m0, m2 = m0, m3 = m0;
        int i = from + 1;
        int end = from + count;
        for (; i + 4 <= end; i += 4) {
            m0 = Math.max(m0, a[i]);
            m1 = Math.max(m1, a[i + 1]);
            m2 = Math.max(m2, a[i + 2]);
            m3 = Math.max(m3, a[i + 3]);
        }
        for (; i < end; i++) {
            m0 = Math.max(m0, a[i]);
        }
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }
}
