package org.guidancelab.engine.model.fast;

import java.util.Arrays;

/**
 * Scaled dot-product attention of every example and head in Java on [n*T, d] rows (example-major, head h in columns
 * h*dk to h*dk + dk - 1), as the reference computes it: {@code softmax(Q K^T / sqrt(dk) [+ causal mask]) V}. A
 * causal query visits only the keys it may see (the reference's -1e9 mask gives exact zeros, so nothing else
 * contributes forward or backward). The softmax weights of the last forward pass are kept for backward.
 */
final class AttentionKernel {
    private final int t, d, heads, dk;
    private final boolean causal;
    private final float scale;
    private final float[] row;
    private float[] probs;

    AttentionKernel(int length, int dModel, int heads, boolean causal) {
        this.t = length;
        this.d = dModel;
        this.heads = heads;
        this.dk = dModel / heads;
        this.causal = causal;
        this.scale = (float) (1.0 / Math.sqrt(dk));
        this.row = new float[length];
    }

    void allocate(int n) {
        probs = new float[n * heads * t * t];
    }

    /** ctx = attention(q, k, v) for {@code n} examples. */
    void forward(float[] q, float[] k, float[] v, float[] ctx, int n) {
        for (int e = 0; e < n; e++) {
            int base = e * t * d;
            for (int h = 0; h < heads; h++) {
                int col = base + h * dk;
                for (int i = 0; i < t; i++) {
                    int p = ((e * heads + h) * t + i) * t;
                    int qi = col + i * d;
                    int keys = causal ? i + 1 : t;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < keys; j++) {
                        int kj = col + j * d;
                        float s = 0;
                        for (int c = 0; c < dk; c++) {
                            s += q[qi + c] * k[kj + c];
                        }
                        s *= scale;
                        probs[p + j] = s;
                        max = Math.max(max, s);
                    }
                    float sum = 0;
                    for (int j = 0; j < keys; j++) {
                        float w = (float) Math.exp(probs[p + j] - max);
                        probs[p + j] = w;
                        sum += w;
                    }
                    float inv = 1 / sum;
                    Arrays.fill(ctx, qi, qi + dk, 0f);
                    for (int j = 0; j < keys; j++) {
                        float w = probs[p + j] * inv;
                        probs[p + j] = w;
                        int vj = col + j * d;
                        for (int c = 0; c < dk; c++) {
                            ctx[qi + c] += w * v[vj + c];
                        }
                    }
                }
            }
        }
    }

    /**
     * From dCtx, the gradients w.r.t. q, k and v of the last forward pass (overwritten): with P the weights,
     * {@code dP = dCtx V^T, dS = P (dP - rowsum(P dP)) / sqrt(dk), dQ = dS K, dK = dS^T Q, dV = P^T dCtx}.
     */
    void backward(float[] q, float[] k, float[] v, float[] dCtx, float[] dq, float[] dkOut, float[] dv, int n) {
        Arrays.fill(dq, 0, n * t * d, 0f);
        Arrays.fill(dkOut, 0, n * t * d, 0f);
        Arrays.fill(dv, 0, n * t * d, 0f);
        for (int e = 0; e < n; e++) {
            int base = e * t * d;
            for (int h = 0; h < heads; h++) {
                int col = base + h * dk;
                for (int i = 0; i < t; i++) {
                    int p = ((e * heads + h) * t + i) * t;
                    int qi = col + i * d;
                    int keys = causal ? i + 1 : t;
                    float dot = 0;
                    for (int j = 0; j < keys; j++) {
                        int vj = col + j * d;
                        float dp = 0;
                        for (int c = 0; c < dk; c++) {
                            dp += dCtx[qi + c] * v[vj + c];
                        }
                        row[j] = dp;
                        dot += probs[p + j] * dp;
                    }
                    for (int j = 0; j < keys; j++) {
                        float w = probs[p + j];
                        float ds = w * (row[j] - dot) * scale;
                        int kj = col + j * d;
                        for (int c = 0; c < dk; c++) {
                            dq[qi + c] += ds * k[kj + c];
                            dkOut[kj + c] += ds * q[qi + c];
                            dv[kj + c] += w * dCtx[qi + c];
                        }
                    }
                }
            }
        }
    }
}
