package org.guidancelab.engine.model.samediff;

import java.util.List;
import org.guidancelab.arch.Layers;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The post-norm Transformer encoder block of PyTorch's {@code TransformerEncoderLayer}:
 * {@code x = LN1(x + Drop(MHA(x))); x = LN2(x + Drop(W2 Drop(ReLU(W1 x + b1)) + b2))}, with dropout also on
 * the attention weights, as PyTorch does. Heads are folded into the batch axis so that attention is two
 * batched matrix products over [n*heads, T, dk].
 */
final class AttentionLayers {
    /** Added to masked scores; large enough that softmax gives exactly 0 in float and double. */
    private static final double MASKED = -1e9;

    private AttentionLayers() {
    }

    static Node transformer(BuildContext ctx, Layers.TransformerBlock tb, Node in, String id, String label) {
        Checks.require(in.rank() == 2, label, "TransformerBlock expects a sequence [T, D], got " + in.shape());
        int d = tb.dModel();
        Checks.positive(d, label, "dModel");
        Checks.positive(tb.heads(), label, "heads");
        Checks.positive(tb.ffWidth(), label, "ffWidth");
        Checks.require(in.last() == d, label, "dModel " + d + " differs from the input width " + in.last());
        Checks.require(d % tb.heads() == 0, label, "dModel " + d + " is not divisible by heads " + tb.heads());
        Checks.require(tb.dropout() >= 0 && tb.dropout() < 1, label, "dropout must be in [0, 1), got " + tb.dropout());
        int t = in.dim(0);
        int h = tb.heads();
        int dk = d / h;

        // Registration order is the flat layout of the contract.
        ParamInit attnInit = ParamInit.xavier(d, d);
        SDVariable wq = ctx.params.add(id + "_Wq", attnInit, d, d);
        SDVariable bq = ctx.params.add(id + "_bq", ParamInit.zeros(), d);
        SDVariable wk = ctx.params.add(id + "_Wk", attnInit, d, d);
        SDVariable bk = ctx.params.add(id + "_bk", ParamInit.zeros(), d);
        SDVariable wv = ctx.params.add(id + "_Wv", attnInit, d, d);
        SDVariable bv = ctx.params.add(id + "_bv", ParamInit.zeros(), d);
        SDVariable wo = ctx.params.add(id + "_Wo", attnInit, d, d);
        SDVariable bo = ctx.params.add(id + "_bo", ParamInit.zeros(), d);
        SDVariable g1 = ctx.params.add(id + "_ln1_gamma", ParamInit.constant(1), d);
        SDVariable be1 = ctx.params.add(id + "_ln1_beta", ParamInit.zeros(), d);
        SDVariable w1 = ctx.params.add(id + "_ff1_W", ParamInit.he(d), d, tb.ffWidth());
        SDVariable b1 = ctx.params.add(id + "_ff1_b", ParamInit.zeros(), tb.ffWidth());
        SDVariable w2 = ctx.params.add(id + "_ff2_W", ParamInit.xavier(tb.ffWidth(), d), tb.ffWidth(), d);
        SDVariable b2 = ctx.params.add(id + "_ff2_b", ParamInit.zeros(), d);
        SDVariable g2 = ctx.params.add(id + "_ln2_gamma", ParamInit.constant(1), d);
        SDVariable be2 = ctx.params.add(id + "_ln2_beta", ParamInit.zeros(), d);

        SDVariable x = in.var().reshape(-1, d);                      // [n*T, d]
        SDVariable q = heads(x.mmul(wq).add(bq), t, h, dk);          // [n*h, T, dk]
        SDVariable k = heads(x.mmul(wk).add(bk), t, h, dk);
        SDVariable v = heads(x.mmul(wv).add(bv), t, h, dk);
        SDVariable scores = ctx.sd.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(dk));  // [n*h, T, T]
        if (tb.causal()) {
            scores = scores.add(ctx.sd.constant(id + "_causalMask", causalMask(t, ctx)));
        }
        SDVariable weights = ctx.sd.nn().softmax(scores, 2);
        weights = ctx.dropout(weights, id + "_attn", tb.dropout(), List.of(h, t, t), new long[] {-1, t, t});
        SDVariable context = ctx.sd.mmul(weights, v);                // [n*h, T, dk]
        SDVariable merged = context.reshape(-1, h, t, dk).permute(0, 2, 1, 3).reshape(-1, d);
        SDVariable attnOut = merged.mmul(wo).add(bo);
        attnOut = ctx.dropout(attnOut, id + "_attnOut", tb.dropout(), List.of(t, d), new long[] {-1, d});
        SDVariable y1 = ctx.layerNorm(x.add(attnOut), g1, be1, 1e-5);

        SDVariable hidden = ctx.sd.nn().relu(y1.mmul(w1).add(b1), 0.0);
        hidden = ctx.dropout(hidden, id + "_ff", tb.dropout(), List.of(t, tb.ffWidth()), new long[] {-1, tb.ffWidth()});
        SDVariable ff = hidden.mmul(w2).add(b2);
        ff = ctx.dropout(ff, id + "_ffOut", tb.dropout(), List.of(t, d), new long[] {-1, d});
        SDVariable y2 = ctx.layerNorm(y1.add(ff), g2, be2, 1e-5);
        return new Node(y2.reshape(-1, t, d), in.shape());
    }

    /** [n*T, d] -> [n*h, T, dk]: split the model width into heads and fold the heads into the batch. */
    private static SDVariable heads(SDVariable rows, int t, int h, int dk) {
        return rows.reshape(-1, t, h, dk).permute(0, 2, 1, 3).reshape(-1, t, dk);
    }

    /** [T, T]: 0 where query i may attend key j (j <= i), a large negative number above the diagonal. */
    private static INDArray causalMask(int t, BuildContext ctx) {
        INDArray m = Nd4j.zeros(ctx.dtype, t, t);
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m.putScalar(i, j, MASKED);
            }
        }
        return m;
    }
}
