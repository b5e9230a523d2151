package org.guidancelab.engine.model.samediff;

import java.util.List;
import org.guidancelab.arch.Layers;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * SimpleRNN and LSTM, unrolled over the (small, static) sequence length: every step is plain matrix products
 * and elementwise ops, whose gradients SameDiff derives reliably. The input projection x W_x + b is done for
 * all steps in one product; the initial state is zero, so step 0 skips the recurrent product.
 */
final class RecurrentLayers {
    private RecurrentLayers() {
    }

    /** h_t = tanh(x_t W_x + h_{t-1} W_h + b); output the whole sequence [T, units]. */
    static Node simpleRnn(BuildContext ctx, Layers.SimpleRNN r, Node in, String id, String label) {
        requireSequence(in, label);
        Checks.positive(r.units(), label, "units");
        int u = r.units();
        int d = in.last();
        int t = in.dim(0);
        ParamInit init = ParamInit.uniform(1.0 / Math.sqrt(u));
        SDVariable wx = ctx.params.add(id + "_Wx", init, d, u);
        SDVariable wh = ctx.params.add(id + "_Wh", init, u, u);
        SDVariable b = ctx.params.add(id + "_b", ParamInit.zeros(), u);
        SDVariable xw = ctx.affine(in, wx, b, u);
        SDVariable[] hs = new SDVariable[t];
        SDVariable h = null;
        for (int step = 0; step < t; step++) {
            SDVariable pre = step(xw, step);
            if (h != null) {
                pre = pre.add(h.mmul(wh));
            }
            h = ctx.sd.math().tanh(pre);
            hs[step] = h;
        }
        return new Node(ctx.sd.stack(1, hs), List.of(t, u));
    }

    /**
     * Gates z = x_t W_x + h_{t-1} W_h + b split in order i, f, g, o; c_t = f c_{t-1} + i g; h_t = o tanh(c_t).
     * Output the whole sequence of h [T, units].
     */
    static Node lstm(BuildContext ctx, Layers.LSTM l, Node in, String id, String label) {
        requireSequence(in, label);
        Checks.positive(l.units(), label, "units");
        int u = l.units();
        int d = in.last();
        int t = in.dim(0);
        ParamInit init = ParamInit.uniform(1.0 / Math.sqrt(u));
        SDVariable wx = ctx.params.add(id + "_Wx", init, d, 4L * u);
        SDVariable wh = ctx.params.add(id + "_Wh", init, u, 4L * u);
        SDVariable b = ctx.params.add(id + "_b", ParamInit.zeros(), 4L * u);
        SDVariable xw = ctx.affine(in, wx, b, 4 * u);
        SDVariable[] hs = new SDVariable[t];
        SDVariable h = null;
        SDVariable c = null;
        for (int step = 0; step < t; step++) {
            SDVariable z = step(xw, step);
            if (h != null) {
                z = z.add(h.mmul(wh));
            }
            SDVariable i = ctx.sd.nn().sigmoid(gate(z, 0, u));
            SDVariable g = ctx.sd.math().tanh(gate(z, 2, u));
            SDVariable o = ctx.sd.nn().sigmoid(gate(z, 3, u));
            SDVariable ig = i.mul(g);
            c = c == null ? ig : ctx.sd.nn().sigmoid(gate(z, 1, u)).mul(c).add(ig);
            h = o.mul(ctx.sd.math().tanh(c));
            hs[step] = h;
        }
        return new Node(ctx.sd.stack(1, hs), List.of(t, u));
    }

    private static SDVariable step(SDVariable seq, int step) {
        return seq.get(SDIndex.all(), SDIndex.point(step), SDIndex.all());
    }

    private static SDVariable gate(SDVariable z, int index, int units) {
        return z.get(SDIndex.all(), SDIndex.interval(index * units, (index + 1) * units));
    }

    private static void requireSequence(Node in, String label) {
        Checks.require(in.rank() == 2, label, "expects a sequence [T, D], got " + in.shape()
                + " (token inputs need an Embedding first)");
    }
}
