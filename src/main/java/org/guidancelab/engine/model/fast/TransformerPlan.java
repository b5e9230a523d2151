package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;

/**
 * Whether a spec is a token Transformer that {@link TransformerFastModel} trains: a token Input of fixed length, an
 * Embedding, an optional PositionalEmbedding, one or more TransformerBlocks of the embedding's width without dropout,
 * a per-token Output. Anything else stays on the general model, and {@link #problem} says why.
 *
 * @param positional the positional embedding, or null
 * @param blocks     the Transformer blocks in order
 */
record TransformerPlan(Layers.Input input, Layers.Embedding embedding, Layers.PositionalEmbedding positional,
                       List<Layers.TransformerBlock> blocks, Layers.Output output, String problem) {

    static TransformerPlan of(NetworkSpec spec) {
        List<LayerSpec> l = spec.layers();
        if (l.size() < 4 || !(l.get(0) instanceof Layers.Input in) || in.kind() != Layers.InputKind.TOKENS
                || in.shape().size() != 1 || in.shape().get(0) == null || in.shape().get(0) <= 0) {
            return fail("not a token input of fixed length");
        }
        int length = in.shape().get(0);
        if (!(l.get(1) instanceof Layers.Embedding e) || e.dim() <= 0 || e.vocabSize() < Math.max(1, in.vocabSize())) {
            return fail("layer 1 is not an Embedding covering the vocabulary");
        }
        int i = 2;
        Layers.PositionalEmbedding positional = null;
        if (l.get(i) instanceof Layers.PositionalEmbedding p) {
            if (p.maxLength() < length) {
                return fail("layer 2 '" + p.name() + "': sequence length " + length + " exceeds maxLength " + p.maxLength());
            }
            positional = p;
            i++;
        }
        List<Layers.TransformerBlock> blocks = new ArrayList<>();
        for (; i < l.size() - 1; i++) {
            String where = "layer " + i + " '" + l.get(i).name() + "'";
            if (!(l.get(i) instanceof Layers.TransformerBlock tb)) {
                return fail(where + " is not a TransformerBlock");
            }
            if (tb.dModel() != e.dim() || tb.heads() <= 0 || tb.dModel() % tb.heads() != 0 || tb.ffWidth() <= 0) {
                return fail(where + " has dModel " + tb.dModel() + ", heads " + tb.heads() + ", ffWidth " + tb.ffWidth()
                        + " (needs dModel = the embedding's " + e.dim() + ", divisible by heads)");
            }
            if (tb.dropout() != 0) {
                return fail(where + " has dropout " + tb.dropout() + " (the Transformer fast path trains without dropout)");
            }
            blocks.add(tb);
        }
        if (blocks.isEmpty()) {
            return fail("no TransformerBlock");
        }
        if (!(l.get(l.size() - 1) instanceof Layers.Output o) || !o.perToken() || o.classes() <= 0) {
            return fail("the last layer is not a per-token Output");
        }
        return new TransformerPlan(in, e, positional, blocks, o, null);
    }

    private static TransformerPlan fail(String why) {
        return new TransformerPlan(null, null, null, List.of(), null, why);
    }

    int length() {
        return input.shape().get(0);
    }
}
