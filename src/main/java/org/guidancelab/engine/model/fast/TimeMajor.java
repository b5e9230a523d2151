package org.guidancelab.engine.model.fast;

/**
 * Row order conversions of [n*T, w] sequences between time-major rows {@code t*n + e}, in which the Transformer path
 * computes, and the example-major rows {@code e*T + t} of the Model contract (logits, taps and their gradients).
 */
final class TimeMajor {
    private TimeMajor() {
    }

    /** dst (example-major) = src (time-major). */
    static void toExampleMajor(float[] src, float[] dst, int n, int t, int w) {
        for (int s = 0; s < t; s++) {
            for (int e = 0; e < n; e++) {
                System.arraycopy(src, (s * n + e) * w, dst, (e * t + s) * w, w);
            }
        }
    }

    /** dst (time-major) = src (example-major). */
    static void fromExampleMajor(float[] src, float[] dst, int n, int t, int w) {
        for (int s = 0; s < t; s++) {
            for (int e = 0; e < n; e++) {
                System.arraycopy(src, (e * t + s) * w, dst, (s * n + e) * w, w);
            }
        }
    }

    /** acc (time-major) += src (example-major). */
    static void addFromExampleMajor(float[] src, float[] acc, int n, int t, int w) {
        for (int s = 0; s < t; s++) {
            for (int e = 0; e < n; e++) {
                int from = (e * t + s) * w;
                int to = (s * n + e) * w;
                for (int c = 0; c < w; c++) {
                    acc[to + c] += src[from + c];
                }
            }
        }
    }
}
