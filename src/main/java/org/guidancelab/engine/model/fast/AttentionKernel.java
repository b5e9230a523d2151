package org.guidancelab.engine.model.fast;

import java.util.Arrays;
import org.guidancelab.engine.blas.FixedGemm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Scaled dot-product attention of every example and head, {@code softmax(Q K^T / sqrt(dk) [+ causal mask]) V} as
 * the reference computes it, on [n*T, d] rows (example-major, head h in columns h*dk to h*dk + dk - 1). The two
 * products per example and head (four backward) are OpenBLAS gemms on views kept from allocation, prepared once
 * ({@link FixedGemm}), with the row stride d as leading dimension: a head is 32 x 16, too small for HotSpot to
 * vectorise Java loops over it, which measured slower. Softmax and its backward run in Java on all score rows at once; a causal query's weights on
 * later keys are exact zeros (as the reference's -1e9 mask gives), so those keys contribute nothing either way.
 */
final class AttentionKernel {
    private static final DataType F = DataType.FLOAT;

    private final int t, d, heads, dk;
    private final boolean causal;
    private final float scale;
    /** The batch of the current pass; buffers and views are kept for the largest batch allocated, used as prefixes. */
    private int n = -1;
    private INDArray scores, dScores;
    private float[] p, g;
    /** Per example and head: scores, ctx (forward); dP, dQ, dK, dV (backward). */
    private FixedGemm[] scoresOf, ctxOf, dpOf, dqOf, dkOf, dvOf;

    AttentionKernel(int length, int dModel, int heads, boolean causal) {
        this.t = length;
        this.d = dModel;
        this.heads = heads;
        this.dk = dModel / heads;
        this.causal = causal;
        this.scale = (float) (1.0 / Math.sqrt(dk));
    }

    /**
     * Allocates the score buffers of {@code batch} examples and binds per example and head views of the block's
     * [n*T, d] buffers: the inputs q, k, v, the output ctx, and for backward dCtx (read) and dq, dk, dv (written).
     */
    void allocate(int batch, INDArray qRows, INDArray kRows, INDArray vRows, INDArray ctxRows, INDArray dCtxRows,
                  INDArray dqRows, INDArray dkRows, INDArray dvRows) {
        n = batch;
        int blocks = n * heads;
        scores = Nd4j.create(F, (long) blocks * t, t);
        dScores = Nd4j.create(F, (long) blocks * t, t);
        p = new float[blocks * t * t];
        g = new float[blocks * t * t];
        INDArray[] qh = heads(qRows);
        INDArray[] kh = heads(kRows);
        INDArray[] vh = heads(vRows);
        INDArray[] ctxh = heads(ctxRows);
        INDArray[] dCtxh = heads(dCtxRows);
        INDArray[] dqh = heads(dqRows);
        INDArray[] dkh = heads(dkRows);
        INDArray[] dvh = heads(dvRows);
        scoresOf = new FixedGemm[blocks];
        ctxOf = new FixedGemm[blocks];
        dpOf = new FixedGemm[blocks];
        dqOf = new FixedGemm[blocks];
        dkOf = new FixedGemm[blocks];
        dvOf = new FixedGemm[blocks];
        for (int b = 0; b < blocks; b++) {
            INDArray s = scores.get(NDArrayIndex.interval((long) b * t, (long) (b + 1) * t), NDArrayIndex.all());
            INDArray ds = dScores.get(NDArrayIndex.interval((long) b * t, (long) (b + 1) * t), NDArrayIndex.all());
            scoresOf[b] = new FixedGemm(qh[b], kh[b], s, false, true, scale, 0.0);
            ctxOf[b] = new FixedGemm(s, vh[b], ctxh[b], false, false, 1.0, 0.0);
            dpOf[b] = new FixedGemm(dCtxh[b], vh[b], ds, false, true, 1.0, 0.0);
            dqOf[b] = new FixedGemm(ds, kh[b], dqh[b], false, false, 1.0, 0.0);
            dkOf[b] = new FixedGemm(ds, qh[b], dkh[b], true, false, 1.0, 0.0);
            dvOf[b] = new FixedGemm(s, dCtxh[b], dvh[b], true, false, 1.0, 0.0);
        }
    }

    /**
     * Runs the next passes on the first {@code batch} examples of the allocated buffers ({@code batch} at most the
     * allocated batch): example e's views and score rows do not depend on the batch size.
     */
    void use(int batch) {
        n = batch;
    }

    /** The [T, dk] view of each example e and head h of [n*T, d] rows, at index e*heads + h. */
    private INDArray[] heads(INDArray rows) {
        INDArray[] out = new INDArray[n * heads];
        for (int e = 0; e < n; e++) {
            for (int h = 0; h < heads; h++) {
                out[e * heads + h] = rows.get(NDArrayIndex.interval((long) e * t, (long) (e + 1) * t),
                        NDArrayIndex.interval((long) h * dk, (long) (h + 1) * dk));
            }
        }
        return out;
    }

    /** ctx = attention(q, k, v). */
    void forward() {
        for (int b = 0; b < n * heads; b++) {
            scoresOf[b].run();
        }
        int count = n * heads * t * t;
        HostFloats.read(scores, p, count);
        for (int row = 0; row < n * heads * t; row++) {
            int o = row * t;
            int keys = causal ? row % t + 1 : t;
            float max = FloatSums.max(p, o, keys);
            for (int j = o; j < o + keys; j++) {
                p[j] = FastExp.nonPositive(p[j] - max);
            }
            float inv = 1 / FloatSums.sum(p, o, keys);
            for (int j = o; j < o + keys; j++) {
                p[j] *= inv;
            }
            Arrays.fill(p, o + keys, o + t, 0f);
        }
        HostFloats.write(p, scores, count);
        for (int b = 0; b < n * heads; b++) {
            ctxOf[b].run();
        }
    }

    /**
     * dq, dk, dv from dCtx for the last forward pass: with P the weights, {@code dP = dCtx V^T,
     * dS = P (dP - rowsum(P dP)) / sqrt(dk), dQ = dS K, dK = dS^T Q, dV = P^T dCtx}.
     */
    void backward() {
        for (int b = 0; b < n * heads; b++) {
            dpOf[b].run();
        }
        int count = n * heads * t * t;
        HostFloats.read(dScores, g, count);
        for (int row = 0; row < n * heads * t; row++) {
            int o = row * t;
            // A causal query's weights on later keys are zeros, so are their score gradients.
            int keys = causal ? row % t + 1 : t;
            float dot = FloatSums.dot(p, o, g, o, keys);
            for (int j = o; j < o + keys; j++) {
                g[j] = p[j] * (g[j] - dot) * scale;
            }
            Arrays.fill(g, o + keys, o + t, 0f);
        }
        HostFloats.write(g, dScores, count);
        for (int b = 0; b < n * heads; b++) {
            dqOf[b].run();
            dkOf[b].run();
            dvOf[b].run();
        }
    }
}
