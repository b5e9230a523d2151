package org.guidancelab.engine.model.fast;

import java.util.Arrays;

/**
 * Scaled dot-product attention in Java, {@code softmax(Q K^T / sqrt(dk) [+ causal mask]) V} per example and head as
 * the reference computes it, on transposed time-major activations [d, T*n] (column {@code t*n + e}): for a head
 * column and a time step the n examples are contiguous, so every product, the softmax and the backward pass run as
 * loops over the examples, which HotSpot vectorises (per example the head is only 16 wide and 32 long). A causal
 * query visits only the keys it may see (the reference's -1e9 mask gives exact zeros, so nothing else contributes
 * forward or backward). The softmax weights of the last forward pass are kept for backward.
 */
final class AttentionKernel {
    private final int t, heads, dk;
    private final boolean causal;
    private final float scale;
    private int n = -1;
    private float[] probs, max, sum, dot, dp;

    AttentionKernel(int length, int dModel, int heads, boolean causal) {
        this.t = length;
        this.heads = heads;
        this.dk = dModel / heads;
        this.causal = causal;
        this.scale = (float) (1.0 / Math.sqrt(dk));
    }

    void allocate(int batch) {
        n = batch;
        probs = new float[heads * t * t * n];
        max = new float[n];
        sum = new float[n];
        dot = new float[n];
        dp = new float[t * n];
    }

    /** Offset of the weights of query {@code i} on key {@code j} in head {@code h} (n values, one per example). */
    private int weights(int h, int i, int j) {
        return ((h * t + i) * t + j) * n;
    }

    /** Offset of (head column c of head h, time step s) in a [d, T*n] array. */
    private int at(int h, int c, int s) {
        return ((h * dk + c) * t + s) * n;
    }

    /** ctx = attention(q, k, v), all [d, T*n]. */
    void forward(float[] q, float[] k, float[] v, float[] ctx) {
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < t; i++) {
                int keys = causal ? i + 1 : t;
                Arrays.fill(max, Float.NEGATIVE_INFINITY);
                for (int j = 0; j < keys; j++) {
                    int p = weights(h, i, j);
                    Arrays.fill(probs, p, p + n, 0f);
                    for (int c = 0; c < dk; c++) {
                        int qi = at(h, c, i);
                        int kj = at(h, c, j);
                        for (int e = 0; e < n; e++) {
                            probs[p + e] += q[qi + e] * k[kj + e];
                        }
                    }
                    for (int e = 0; e < n; e++) {
                        float s = probs[p + e] * scale;
                        probs[p + e] = s;
                        max[e] = Math.max(max[e], s);
                    }
                }
                Arrays.fill(sum, 0f);
                for (int j = 0; j < keys; j++) {
                    int p = weights(h, i, j);
                    for (int e = 0; e < n; e++) {
                        float w = (float) Math.exp(probs[p + e] - max[e]);
                        probs[p + e] = w;
                        sum[e] += w;
                    }
                }
                for (int e = 0; e < n; e++) {
                    sum[e] = 1 / sum[e];
                }
                for (int j = 0; j < keys; j++) {
                    int p = weights(h, i, j);
                    for (int e = 0; e < n; e++) {
                        probs[p + e] *= sum[e];
                    }
                }
                for (int c = 0; c < dk; c++) {
                    int ci = at(h, c, i);
                    Arrays.fill(ctx, ci, ci + n, 0f);
                    for (int j = 0; j < keys; j++) {
                        int p = weights(h, i, j);
                        int vj = at(h, c, j);
                        for (int e = 0; e < n; e++) {
                            ctx[ci + e] += probs[p + e] * v[vj + e];
                        }
                    }
                }
            }
        }
    }

    /**
     * From dCtx, the gradients w.r.t. q, k and v of the last forward pass (overwritten), all [d, T*n]: with P the
     * weights, {@code dP = dCtx V^T, dS = P (dP - rowsum(P dP)) / sqrt(dk), dQ = dS K, dK = dS^T Q, dV = P^T dCtx}.
     */
    void backward(float[] q, float[] k, float[] v, float[] dCtx, float[] dq, float[] dkOut, float[] dv) {
        int size = heads * dk * t * n;
        Arrays.fill(dq, 0, size, 0f);
        Arrays.fill(dkOut, 0, size, 0f);
        Arrays.fill(dv, 0, size, 0f);
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < t; i++) {
                int keys = causal ? i + 1 : t;
                Arrays.fill(dot, 0f);
                for (int j = 0; j < keys; j++) {
                    int p = weights(h, i, j);
                    int o = j * n;
                    Arrays.fill(dp, o, o + n, 0f);
                    for (int c = 0; c < dk; c++) {
                        int ci = at(h, c, i);
                        int vj = at(h, c, j);
                        for (int e = 0; e < n; e++) {
                            dp[o + e] += dCtx[ci + e] * v[vj + e];
                        }
                    }
                    for (int e = 0; e < n; e++) {
                        dot[e] += probs[p + e] * dp[o + e];
                    }
                }
                for (int j = 0; j < keys; j++) {
                    int p = weights(h, i, j);
                    int o = j * n;
                    for (int e = 0; e < n; e++) {
                        dp[o + e] = probs[p + e] * (dp[o + e] - dot[e]) * scale;   // dS
                    }
                    for (int c = 0; c < dk; c++) {
                        int ci = at(h, c, i);
                        int cj = at(h, c, j);
                        for (int e = 0; e < n; e++) {
                            dq[ci + e] += dp[o + e] * k[cj + e];
                            dkOut[cj + e] += dp[o + e] * q[ci + e];
                            dv[cj + e] += probs[p + e] * dCtx[ci + e];
                        }
                    }
                }
            }
        }
    }
}
