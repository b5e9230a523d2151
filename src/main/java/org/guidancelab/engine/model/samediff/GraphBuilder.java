package org.guidancelab.engine.model.samediff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Turns a {@link NetworkSpec} into one SameDiff graph: input placeholder, every layer, the flattened taps, the
 * logits and the surrogate loss {@code sum(logits * dLogits) + sum_k sum(tap_k * dTap_k)} whose parameter
 * gradients are J^T times the upstream gradients (the backward pass of the Model seam).
 */
final class GraphBuilder {
    private final BuildContext ctx;
    private int tokenIdLimit;

    private GraphBuilder(SameDiff sd, DataType dtype) {
        this.ctx = new BuildContext(sd, dtype);
    }

    static BuiltGraph build(NetworkSpec spec, DataType dtype) {
        SameDiff sd = SameDiff.create();
        return new GraphBuilder(sd, dtype).run(spec);
    }

    private BuiltGraph run(NetworkSpec spec) {
        List<LayerSpec> layers = spec.layers();
        Checks.require(!layers.isEmpty() && layers.get(0) instanceof Layers.Input, "network '" + spec.name() + "'",
                "the first layer must be an Input");
        Layers.Input input = (Layers.Input) layers.get(0);
        String inputLabel = label(0, input);
        Checks.require(!input.shape().isEmpty(), inputLabel, "the input shape is empty");
        input.shape().forEach(d -> Checks.positive(d, inputLabel, "shape entry"));
        if (input.kind() == Layers.InputKind.TOKENS) {
            Checks.require(input.shape().size() == 1, inputLabel, "token inputs have shape [T], got " + input.shape());
            Checks.positive(input.vocabSize(), inputLabel, "vocabSize");
            tokenIdLimit = input.vocabSize();
        }
        SDVariable in = ctx.sd.placeHolder(BuiltGraph.INPUT, ctx.dtype, BuildContext.batched(input.shape()));
        Node node = new Node(in, input.shape());

        Map<String, String> taps = new LinkedHashMap<>();
        Map<String, String> tapGrads = new LinkedHashMap<>();
        SDVariable surrogate = null;
        for (int i = 1; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            String label = label(i, layer);
            Checks.require(!(layer instanceof Layers.Input), label, "only the first layer may be an Input");
            Checks.require(!(layer instanceof Layers.Output) || i == layers.size() - 1, label,
                    "the Output layer must be the last layer");
            node = layer(layer, node, "L" + i, label, reluFollows(layers, i, false));
            if (layer.tap()) {
                SDVariable tap = ctx.sd.reshape("tap_" + i, node.var(), -1, node.size());
                SDVariable grad = ctx.sd.placeHolder("dTap_" + i, ctx.dtype, -1, node.size());
                taps.put(layer.name(), tap.name());
                tapGrads.put(layer.name(), grad.name());
                surrogate = add(surrogate, ctx.sd.sum(tap.mul(grad)));
            }
        }
        long width = node.rank() > 0 ? node.last() : 1;
        long logitsWidth = layers.get(layers.size() - 1) instanceof Layers.Output ? width : node.size();
        SDVariable logits = ctx.sd.reshape(BuiltGraph.LOGITS, node.var(), -1, logitsWidth);
        SDVariable dLogits = ctx.sd.placeHolder(BuiltGraph.LOGITS_GRADIENT, ctx.dtype, -1, logitsWidth);
        surrogate = add(surrogate, ctx.sd.sum(logits.mul(dLogits)));
        ctx.sd.identity(BuiltGraph.SURROGATE, surrogate);
        // Without this SameDiff would differentiate whatever it last registered as a loss.
        ctx.sd.setLossVariables(BuiltGraph.SURROGATE);
        // Build the backward graph now, once, with ND4J's stdout chatter filtered.
        SameDiffChatter.quietly(ctx.sd::createGradFunction);
        return new BuiltGraph(ctx.sd, ctx.params, List.copyOf(ctx.dropoutSites), List.copyOf(ctx.batchNormSites),
                ctx.stateSize(), taps, tapGrads, input.shape(), tokenIdLimit, inputLabel);
    }

    private Node layer(LayerSpec layer, Node in, String id, String label, boolean reluFollows) {
        // Java 17: no pattern matching in switch, so an instanceof chain over the sealed hierarchy.
        if (layer instanceof Layers.Dense d) {
            return DenseLayers.dense(ctx, d, in, id, label, reluFollows);
        } else if (layer instanceof Layers.Output o) {
            return DenseLayers.output(ctx, o, in, id, label);
        } else if (layer instanceof Layers.Conv2D c) {
            return ConvLayers.conv2d(ctx, c, in, id, label, reluFollows);
        } else if (layer instanceof Layers.MaxPool2D p) {
            return ConvLayers.maxPool(ctx, p, in, label);
        } else if (layer instanceof Layers.AvgPool2D p) {
            return ConvLayers.avgPool(ctx, p, in, label);
        } else if (layer instanceof Layers.GlobalAvgPool) {
            return ConvLayers.globalAvgPool(ctx, in, label);
        } else if (layer instanceof Layers.Flatten) {
            return ShapeLayers.flatten(in);
        } else if (layer instanceof Layers.Reshape r) {
            return ShapeLayers.reshape(r, in, label);
        } else if (layer instanceof Layers.BatchNorm bn) {
            return NormLayers.batchNorm(ctx, bn, in, id, label);
        } else if (layer instanceof Layers.LayerNorm ln) {
            return NormLayers.layerNorm(ctx, ln, in, id, label);
        } else if (layer instanceof Layers.Dropout d) {
            return ShapeLayers.dropout(ctx, d, in, id, label);
        } else if (layer instanceof Layers.Activation a) {
            return ShapeLayers.activation(ctx, a, in);
        } else if (layer instanceof Layers.Residual r) {
            return residual(r, in, id, label);
        } else if (layer instanceof Layers.Embedding e) {
            tokenIdLimit = tokenIdLimit == 0 ? e.vocabSize() : Math.min(tokenIdLimit, e.vocabSize());
            return SequenceLayers.embedding(ctx, e, in, id, label);
        } else if (layer instanceof Layers.PositionalEmbedding p) {
            return SequenceLayers.positional(ctx, p, in, id, label);
        } else if (layer instanceof Layers.SimpleRNN r) {
            return RecurrentLayers.simpleRnn(ctx, r, in, id, label);
        } else if (layer instanceof Layers.LSTM l) {
            return RecurrentLayers.lstm(ctx, l, in, id, label);
        } else if (layer instanceof Layers.TransformerBlock t) {
            return AttentionLayers.transformer(ctx, t, in, id, label);
        } else if (layer instanceof Layers.SequencePool p) {
            return SequenceLayers.pool(ctx, p, in, label);
        }
        throw new IllegalArgumentException(label + ": this layer cannot appear here");
    }

    /** out = post(block(x) + skip(x)); parameters: the block's in order, then the projection's. */
    private Node residual(Layers.Residual r, Node in, String id, String label) {
        List<LayerSpec> block = r.block();
        Checks.require(!block.isEmpty(), label, "the residual block is empty");
        Node x = in;
        for (int j = 0; j < block.size(); j++) {
            LayerSpec inner = block.get(j);
            String innerLabel = label + ", block layer " + j + " '" + inner.name() + "' (" + inner.type() + ")";
            Checks.require(!(inner instanceof Layers.Input) && !(inner instanceof Layers.Output), innerLabel,
                    "Input and Output layers cannot sit inside a residual block");
            x = layer(inner, x, id + "_" + j, innerLabel, reluFollows(block, j, r.post() == ActivationFn.RELU));
        }
        Node skip;
        if (r.skip() == Layers.Skip.IDENTITY) {
            Checks.require(x.shape().equals(in.shape()), label, "an identity skip needs the block to keep the shape "
                    + in.shape() + ", but it outputs " + x.shape() + " (use a projection skip)");
            skip = in;
        } else if (in.rank() == 3) {
            Checks.require(x.rank() == 3, label, "the block turns an image " + in.shape() + " into " + x.shape()
                    + "; a projection skip needs an image output");
            skip = ConvLayers.projection(ctx, in, x.shape(), id + "_proj", label);
        } else {
            Checks.require(x.rank() == in.rank() && x.shape().subList(0, x.rank() - 1)
                    .equals(in.shape().subList(0, in.rank() - 1)), label, "a projection skip maps only the last axis, "
                    + "but the block turns " + in.shape() + " into " + x.shape());
            skip = DenseLayers.projection(ctx, in, x.last(), id + "_proj");
        }
        return new Node(ctx.activation(x.var().add(skip.var()), r.post()), x.shape());
    }

    /**
     * Whether a ReLU follows layer {@code index} (through normalisation and dropout layers), which selects He
     * rather than Xavier initialisation; {@code tailRelu} says whether one follows the whole list.
     */
    private static boolean reluFollows(List<LayerSpec> layers, int index, boolean tailRelu) {
        for (int j = index + 1; j < layers.size(); j++) {
            LayerSpec next = layers.get(j);
            if (next instanceof Layers.Activation a) {
                return a.fn() == ActivationFn.RELU;
            }
            if (!(next instanceof Layers.BatchNorm || next instanceof Layers.LayerNorm || next instanceof Layers.Dropout)) {
                return false;
            }
        }
        return tailRelu;
    }

    private static SDVariable add(SDVariable sum, SDVariable term) {
        return sum == null ? term : sum.add(term);
    }

    private static String label(int index, LayerSpec layer) {
        return "layer " + index + " '" + layer.name() + "' (" + layer.type() + ")";
    }
}
