package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Walks a spec for the forward-only path of frozen networks: everything the trainable fast path handles plus Conv2D,
 * MaxPool2D and AvgPool2D on [C, H, W] maps, and token sequences through Embedding, PositionalEmbedding,
 * TransformerBlock and a per-token Output. Says why a spec does not fit (the factory then keeps the general model).
 *
 * @param steps     the forward steps in network order
 * @param names     the layer name of each step
 * @param tapped    whether each step's output is a tap
 */
record FrozenNetworkPlan(List<ForwardStep> steps, List<String> names, List<Boolean> tapped, int inputWidth,
                         String problem) {

    static FrozenNetworkPlan of(NetworkSpec spec, DataType dtype) {
        List<LayerSpec> specs = spec.layers();
        if (specs.isEmpty() || !(specs.get(0) instanceof Layers.Input input)) {
            return fail("the first layer must be an Input");
        }
        List<Integer> shape = input.shape();
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d == null || d <= 0)) {
            return fail("layer 0 '" + input.name() + "' (shape): every size must be positive, got " + shape);
        }
        List<ForwardStep> steps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Boolean> tapped = new ArrayList<>();
        for (int i = 1; i < specs.size(); i++) {
            LayerSpec l = specs.get(i);
            String where = "layer " + i + " '" + l.name() + "'";
            int width = product(shape);
            ForwardStep step;
            if (input.kind() == Layers.InputKind.TOKENS && i == 1) {
                if (!(l instanceof Layers.Embedding e) || e.dim() <= 0 || e.vocabSize() <= 0) {
                    return fail(where + " must be an Embedding after a token input");
                }
                if (input.vocabSize() > e.vocabSize()) {
                    return fail(where + " has vocabSize " + e.vocabSize() + " below the input's " + input.vocabSize());
                }
                step = new TokenEmbeddingForward(where, shape.get(0), e.vocabSize(), e.dim(), dtype);
                shape = List.of(shape.get(0), e.dim());
            } else if (l instanceof Layers.PositionalEmbedding p && shape.size() == 2 && shape.get(0) <= p.maxLength()) {
                step = new PositionalForward(shape.get(0), shape.get(1), p.maxLength(), dtype);
            } else if (l instanceof Layers.TransformerBlock tb && shape.size() == 2 && tb.dModel() == shape.get(1)
                    && tb.heads() > 0 && tb.dModel() % tb.heads() == 0 && tb.ffWidth() > 0) {
                // Eval mode: the block's dropout is off.
                step = new TransformerForward(shape.get(0), tb.dModel(), tb.heads(), tb.ffWidth(), tb.causal(), dtype);
            } else if (l instanceof Layers.Output o && o.perToken() && shape.size() == 2 && o.classes() > 0) {
                step = new PerTokenOutputForward(o.name(), shape.get(0), shape.get(1), o.classes(), dtype);
                shape = List.of(o.classes());
            } else if (l instanceof Layers.Conv2D c) {
                if (shape.size() != 3) {
                    return fail(where + " is a Conv2D on " + shape + " (needs [C, H, W])");
                }
                if (!ConvForward.supports(c.activation())) {
                    return fail(where + " has activation " + c.activation() + " (the frozen Conv2D path has relu, tanh, sigmoid, identity)");
                }
                if (c.filters() <= 0 || c.kernel() <= 0 || c.stride() <= 0 || c.padding() < 0
                        || shape.get(1) + 2 * c.padding() < c.kernel() || shape.get(2) + 2 * c.padding() < c.kernel()) {
                    return fail(where + " has filters/kernel/stride/padding that do not fit " + shape);
                }
                ConvForward conv = new ConvForward(shape.get(0), shape.get(1), shape.get(2), c.filters(), c.kernel(),
                        c.stride(), c.padding(), c.activation(), dtype);
                step = conv;
                shape = List.of(c.filters(), (shape.get(1) + 2 * c.padding() - c.kernel()) / c.stride() + 1,
                        (shape.get(2) + 2 * c.padding() - c.kernel()) / c.stride() + 1);
            } else if (l instanceof Layers.MaxPool2D || l instanceof Layers.AvgPool2D) {
                boolean max = l instanceof Layers.MaxPool2D;
                int size = max ? ((Layers.MaxPool2D) l).size() : ((Layers.AvgPool2D) l).size();
                int stride = max ? ((Layers.MaxPool2D) l).stride() : ((Layers.AvgPool2D) l).stride();
                if (shape.size() != 3 || size <= 0 || stride <= 0 || shape.get(1) < size || shape.get(2) < size) {
                    return fail(where + " is a pooling window " + size + "/" + stride + " that does not fit " + shape);
                }
                step = new PoolForward(shape.get(0), shape.get(1), shape.get(2), size, stride, max, dtype);
                shape = List.of(shape.get(0), (shape.get(1) - size) / stride + 1, (shape.get(2) - size) / stride + 1);
            } else if (l instanceof Layers.Dense d && shape.size() == 1 && d.units() > 0) {
                // reluFollows (false) only picks an initialisation; frozen weights are copied in.
                step = new LayerForward(new DenseLayer(d.name(), d.tap(), width, d.units(), d.activation(), d.bias(), false, dtype));
                shape = List.of(d.units());
            } else if (l instanceof Layers.Output o && !o.perToken() && shape.size() == 1 && o.classes() > 0) {
                step = new LayerForward(new DenseLayer(o.name(), false, width, o.classes(), ActivationFn.IDENTITY, true, false, dtype));
                shape = List.of(o.classes());
            } else if (l instanceof Layers.Flatten f) {
                step = new LayerForward(new PassThroughLayer(f.name(), f.tap(), width));
                shape = List.of(width);
            } else if (l instanceof Layers.Activation a) {
                step = new LayerForward(new ActivationLayer(a.name(), a.tap(), width, a.fn(), dtype));
            } else if (l instanceof Layers.Dropout d) {
                // Eval mode: dropout is the identity.
                step = new LayerForward(new PassThroughLayer(d.name(), d.tap(), width));
            } else {
                return fail(where + " is a " + l.type() + " layer on " + shape
                        + " (the frozen fast path has Conv2D, pooling, Dense, Activation, Dropout, Flatten, Output,"
                        + " and for tokens Embedding, PositionalEmbedding, TransformerBlock, per-token Output)");
            }
            steps.add(step);
            names.add(l.name());
            tapped.add(l.tap());
        }
        return new FrozenNetworkPlan(steps, names, tapped, product(input.shape()), null);
    }

    private static FrozenNetworkPlan fail(String problem) {
        return new FrozenNetworkPlan(List.of(), List.of(), List.of(), 0, problem);
    }

    private static int product(List<Integer> shape) {
        int p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }
}
