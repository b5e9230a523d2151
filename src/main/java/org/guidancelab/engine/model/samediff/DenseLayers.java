package org.guidancelab.engine.model.samediff;

import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.nd4j.autodiff.samediff.SDVariable;

/** Dense and Output layers: y = act(x W + b) on the last axis, W stored [in, out]. */
final class DenseLayers {
    private DenseLayers() {
    }

    static Node dense(BuildContext ctx, Layers.Dense d, Node in, String id, String label, boolean reluFollows) {
        Checks.require(in.rank() == 1 || in.rank() == 2, label,
                "Dense works on [D] or [T, D] inputs, got " + in.shape() + " (add a Flatten first)");
        Checks.positive(d.units(), label, "units");
        int inDim = in.last();
        boolean he = reluFollows || d.activation() == ActivationFn.RELU;
        SDVariable w = ctx.params.add(id + "_W", ParamInit.forWeights(inDim, d.units(), he), inDim, d.units());
        SDVariable b = d.bias() ? ctx.params.add(id + "_b", ParamInit.zeros(), d.units()) : null;
        SDVariable y = ctx.activation(ctx.affine(in, w, b, d.units()), d.activation());
        return new Node(y, Checks.replaceLast(in.shape(), d.units()));
    }

    /**
     * The head. Returns logits per example [n, classes], or per token [n, T, classes] (the model flattens
     * those to [n*T, classes], example-major).
     */
    static Node output(BuildContext ctx, Layers.Output o, Node in, String id, String label) {
        Checks.positive(o.classes(), label, "classes");
        if (o.perToken()) {
            Checks.require(in.rank() == 2, label, "a per-token Output needs a sequence [T, D], got " + in.shape());
        } else {
            Checks.require(in.rank() == 1, label, "Output needs a vector [D], got " + in.shape()
                    + " (add Flatten, GlobalAvgPool or SequencePool, or make the Output per token)");
        }
        int inDim = in.last();
        SDVariable w = ctx.params.add(id + "_W", ParamInit.xavier(inDim, o.classes()), inDim, o.classes());
        SDVariable b = ctx.params.add(id + "_b", ParamInit.zeros(), o.classes());
        return new Node(ctx.affine(in, w, b, o.classes()), Checks.replaceLast(in.shape(), o.classes()));
    }

    /** The projection skip of a Residual on vectors or sequences: a Dense layer to the block's width. */
    static Node projection(BuildContext ctx, Node in, int out, String id) {
        SDVariable w = ctx.params.add(id + "_W", ParamInit.xavier(in.last(), out), in.last(), out);
        SDVariable b = ctx.params.add(id + "_b", ParamInit.zeros(), out);
        return new Node(ctx.affine(in, w, b, out), Checks.replaceLast(in.shape(), out));
    }
}
