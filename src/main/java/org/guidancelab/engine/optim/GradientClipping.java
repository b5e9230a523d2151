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
            double part = 0;
            for (int i = 0; i < n; i++) {
                double v = chunk[i];
                part += v * v;
            }
            s += part;
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
