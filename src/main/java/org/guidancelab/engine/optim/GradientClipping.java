package org.guidancelab.engine.optim;

import java.nio.FloatBuffer;

/** Global-norm gradient clipping over the whole flat gradient (as PyTorch's clip_grad_norm_). */
public final class GradientClipping {
    /** Per-thread chunk, reused: a fresh 32 KB array per step would be the largest garbage of a tiny net's step. */
    private static final ThreadLocal<float[]> CHUNK = ThreadLocal.withInitial(() -> new float[8192]);

    private GradientClipping() {
    }

    /** The L2 norm of all gradients, in double. */
    public static double globalNorm(FloatBuffer grads, int size) {
        // Chunks copied in bulk to the heap: element-wise reads of a direct buffer are several times slower.
        float[] chunk = CHUNK.get();
        double s = 0;
        for (int from = 0; from < size; from += chunk.length) {
            int n = Math.min(chunk.length, size - from);
            grads.get(from, chunk, 0, n);
            // Four sums in turn: one sum's additions wait for each other, four keep the core's adders busy.
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                double a = chunk[i], b = chunk[i + 1], c = chunk[i + 2], d = chunk[i + 3];
                s0 += a * a;
                s1 += b * b;
                s2 += c * c;
                s3 += d * d;
            }
            for (; i < n; i++) {
                double v = chunk[i];
                s0 += v * v;
            }
            s += (s0 + s1) + (s2 + s3);
        }
        return Math.sqrt(s);
    }

    /**
     * Scales the gradients so their global norm is at most {@code maxNorm} (no-op when maxNorm <= 0 or the norm is
     * already below it). Returns the norm before clipping, which training records.
     */
    public static double clip(FloatBuffer grads, int size, double maxNorm) {
        double norm = globalNorm(grads, size);
        if (maxNorm > 0 && norm > maxNorm && Double.isFinite(norm)) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (int i = 0; i < size; i++) {
                grads.put(i, grads.get(i) * scale);
            }
        }
        return norm;
    }
}
