package org.guidancelab.ui.model;

import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerInfo;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.LayerType;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.NetworkSpec;

/**
 * The layer the palette drops for each type, fitted to where it lands when that is cheap to know (a Residual
 * after a vector is built from Dense layers, after an image from convolutions; an Embedding takes the input's
 * vocabulary), so a fresh drop usually validates at once.
 */
public final class LayerDefaults {
    private LayerDefaults() {
    }

    /**
     * A default layer of {@code type} to insert at {@code index} of {@code net}, with a name unused in it.
     *
     * @param analysis shape inference of {@code net} as it is (may be empty)
     */
    public static LayerSpec create(LayerType type, NetworkSpec net, int index, NetworkAnalysis analysis) {
        String name = LayerNames.fresh(type, net);
        List<Integer> before = shapeBefore(index, analysis);
        switch (type) {
            case INPUT: return Layers.Input.real(name, 1, 28, 28);
            case DENSE: return Layers.Dense.of(name, 64, ActivationFn.RELU);
            case CONV2D: return Layers.Conv2D.same(name, 16, 3, ActivationFn.RELU);
            case MAX_POOL_2D: return new Layers.MaxPool2D(name, 2, 2, false);
            case AVG_POOL_2D: return new Layers.AvgPool2D(name, 2, 2, false);
            case GLOBAL_AVG_POOL: return new Layers.GlobalAvgPool(name, true);
            case FLATTEN: return new Layers.Flatten(name, false);
            case RESHAPE: return new Layers.Reshape(name, reshapeGuess(before), false);
            case BATCH_NORM: return Layers.BatchNorm.of(name);
            case LAYER_NORM: return new Layers.LayerNorm(name, 1e-5, false);
            case DROPOUT: return new Layers.Dropout(name, 0.1, false);
            case ACTIVATION: return new Layers.Activation(name, ActivationFn.RELU, false);
            case RESIDUAL: return residual(name, before);
            case EMBEDDING: return new Layers.Embedding(name, vocabOf(net), 32, false);
            case POSITIONAL_EMBEDDING: return new Layers.PositionalEmbedding(name, seqLength(before), false);
            case SIMPLE_RNN: return new Layers.SimpleRNN(name, 64, true);
            case LSTM: return new Layers.LSTM(name, 64, true);
            case TRANSFORMER_BLOCK: return new Layers.TransformerBlock(name, modelWidth(before), 4, 4 * modelWidth(before), false, 0.0, true);
            case SEQUENCE_POOL: return new Layers.SequencePool(name, Layers.PoolMode.LAST, true);
            case OUTPUT: return new Layers.Output(name, 10, before.size() == 2);
            default: throw new IllegalArgumentException("no default for " + type);
        }
    }

    private static List<Integer> shapeBefore(int index, NetworkAnalysis analysis) {
        if (analysis == null || index <= 0 || index - 1 >= analysis.layers().size()) {
            return List.of();
        }
        LayerInfo info = analysis.layers().get(index - 1);
        return info.outputShape();
    }

    private static LayerSpec residual(String name, List<Integer> before) {
        if (before.size() == 3) {
            int c = before.get(0);
            return new Layers.Residual(name, List.of(
                    Layers.Conv2D.same(name + "_a", c, 3, ActivationFn.RELU),
                    Layers.Conv2D.same(name + "_b", c, 3, ActivationFn.IDENTITY)),
                    Layers.Skip.IDENTITY, ActivationFn.RELU, true);
        }
        int d = before.isEmpty() ? 64 : before.get(before.size() - 1);
        return new Layers.Residual(name, List.of(
                new Layers.Dense(name + "_a", d, ActivationFn.RELU, true, false),
                new Layers.Dense(name + "_b", d, ActivationFn.IDENTITY, true, false)),
                Layers.Skip.IDENTITY, ActivationFn.RELU, true);
    }

    private static List<Integer> reshapeGuess(List<Integer> before) {
        if (before.size() == 1) {
            int n = before.get(0);
            int side = (int) Math.round(Math.sqrt(n));
            if (side * side == n) {
                return List.of(1, side, side);
            }
        }
        return List.of(1, 28, 28);
    }

    private static int vocabOf(NetworkSpec net) {
        for (LayerSpec l : net.layers()) {
            if (l instanceof Layers.Input in && in.kind() == Layers.InputKind.TOKENS && in.vocabSize() > 0) {
                return in.vocabSize();
            }
        }
        return 16;
    }

    private static int seqLength(List<Integer> before) {
        return before.size() == 2 ? before.get(0) : 32;
    }

    private static int modelWidth(List<Integer> before) {
        return before.size() == 2 ? before.get(1) : 32;
    }
}
