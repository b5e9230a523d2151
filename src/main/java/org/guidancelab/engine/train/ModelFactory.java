package org.guidancelab.engine.train;

import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.fast.FastModel;
import org.guidancelab.engine.model.fast.FrozenModel;
import org.guidancelab.engine.model.fast.RecurrentFastModel;
import org.guidancelab.engine.model.fast.TransformerFastModel;
import org.guidancelab.engine.model.samediff.SameDiffModel;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds the model for a spec (the trainer's choice among the implementations of {@link Model}): the hand-written fast
 * path (MLPs and plain ConvNets) when every layer is one it handles (it skips SameDiff's per-op graph machinery,
 * docs/decisions/0002), the recurrent fast path for Embedding -> SimpleRNN/LSTM -> per-token Output token models, the
 * Transformer fast path for Embedding -> [PositionalEmbedding] -> TransformerBlock (no dropout) -> per-token Output,
 * otherwise the SameDiff model that covers every layer type. All use the same
 * flat parameter layout, so params copied from one reproduce the other.
 */
public final class ModelFactory {
    private ModelFactory() {
    }

    public static Model create(NetworkSpec spec, long seed) {
        if (FastModel.supports(spec)) {
            return new FastModel(spec, seed, DataType.FLOAT);
        }
        if (RecurrentFastModel.supports(spec)) {
            // Same weights as the general path for this seed: built there once, then copied.
            try (Model reference = sameDiff(spec, seed)) {
                return new RecurrentFastModel(reference, DataType.FLOAT);
            }
        }
        if (TransformerFastModel.supports(spec)) {
            try (Model reference = sameDiff(spec, seed)) {
                return new TransformerFastModel(reference);
            }
        }
        return sameDiff(spec, seed);
    }

    /**
     * A network that will only ever run forward in eval mode (a frozen guide that this arm does not train): the
     * forward-only fast path when the spec fits it, with the weights of {@link #create} for the same seed (so the
     * guide is the same network either way), otherwise the model of {@link #create}.
     */
    public static Model createFrozen(NetworkSpec spec, long seed) {
        Model m = create(spec, seed);
        boolean gemmOnly = m instanceof FastModel && !hasConvolution(spec);
        if (gemmOnly || m instanceof RecurrentFastModel || !FrozenModel.supports(spec)) {
            return m;
        }
        try (m) {
            return new FrozenModel(m, DataType.FLOAT);
        }
    }

    /** Whether the spec convolves: the forward-only path then skips the trainable path's patch gradients and buffers. */
    private static boolean hasConvolution(NetworkSpec spec) {
        return spec.layers().stream().anyMatch(l -> l instanceof Layers.Conv2D);
    }

    /** The general path for every layer type. */
    static Model sameDiff(NetworkSpec spec, long seed) {
        return new SameDiffModel(spec, seed, DataType.FLOAT);
    }
}
