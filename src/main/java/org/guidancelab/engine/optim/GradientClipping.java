package org.guidancelab.engine.optim;

import java.nio.FloatBuffer;

/**
 * Global-norm gradient clipping over the whole flat gradient (as PyTorch's clip_grad_norm_). The norm is recorded
 * every step (train/grad_norm) even when clipping is off, so it must be cheap: values are read in bulk chunks into a
 * small heap array, since a per-element {@code FloatBuffer.get} on a direct buffer costs several times more.
 */
public final class GradientClipping {
    private static final int CHUNK = 4096;

    private GradientClipping() {
    }

    /** The L2 norm of all gradients, in double. */
    public static double globalNorm(FloatBuffer grads, int size) {
        float[] chunk = new float[Math.min(CHUNK, Math.max(1, size))];
        double s = 0;
        for (int from = 0; from < size; from += chunk.length) {
            int len = Math.min(chunk.length, size - from);
            grads.get(from, chunk, 0, len);
            for (int i = 0; i < len; i++) {
                double g = chunk[i];
                s += g * g;
            }
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
            float[] chunk = new float[Math.min(CHUNK, size)];
            for (int from = 0; from < size; from += chunk.length) {
                int len = Math.min(chunk.length, size - from);
                grads.get(from, chunk, 0, len);
                for (int i = 0; i < len; i++) {
                    chunk[i] *= scale;
                }
                grads.put(from, chunk, 0, len);
            }
        }
        return norm;
    }
}
