package org.guidancelab.arch;

/**
 * Shape rules of the sequence layers (Embedding, PositionalEmbedding, SimpleRNN, LSTM, TransformerBlock,
 * SequencePool) and of the Output head. Sequences are [T, D] per example; token inputs are [T] ids.
 */
final class SequenceRules {
    private SequenceRules() {
    }

    static Step embedding(Layers.Embedding l, Flow in, LayerCheck c) {
        boolean ok = c.positive("vocabSize", l.vocabSize()) & c.positive("dim", l.dim());
        if (!in.tokens()) {
            c.error("", "needs token ids [T] from a tokens Input but gets " + in.describe()
                    + ": put it right after an Input of kind tokens");
            return Step.unknown();
        }
        long params = (long) Math.max(0, l.vocabSize()) * Math.max(0, l.dim());
        if (ok && l.vocabSize() < in.vocab()) {
            c.error("vocabSize", "has a vocabSize of " + l.vocabSize() + " but the input uses " + in.vocab()
                    + " different tokens: set vocabSize to at least " + in.vocab());
            ok = false;
        }
        if (!ok) {
            return Step.unknown(params);
        }
        return new Step(Flow.real(in.dim(0), l.dim()), params, (long) in.dim(0) * l.dim());
    }

    static Step positional(Layers.PositionalEmbedding l, Flow in, LayerCheck c) {
        boolean ok = c.positive("maxLength", l.maxLength());
        if (!requireSequence(in, c, "an Embedding")) {
            return Step.unknown();
        }
        long params = (long) Math.max(0, l.maxLength()) * in.last();
        if (ok && in.dim(0) > l.maxLength()) {
            c.error("maxLength", "has a maxLength of " + l.maxLength() + " but the sequence has " + in.dim(0)
                    + " steps: set maxLength to at least " + in.dim(0));
            ok = false;
        }
        return new Step(ok ? in : null, params, in.elements());
    }

    static Step simpleRnn(Layers.SimpleRNN l, Flow in, LayerCheck c) {
        boolean ok = c.positive("units", l.units());
        if (!requireSequence(in, c, "an Embedding") || !ok) {
            return Step.unknown();
        }
        long d = in.last();
        long u = l.units();
        long t = in.dim(0);
        // one bias per unit (not PyTorch's two), the flat layout shared by every Model implementation
        return new Step(Flow.real(in.dim(0), l.units()), u * (d + u + 1), t * (2 * u * (d + u) + u));
    }

    static Step lstm(Layers.LSTM l, Flow in, LayerCheck c) {
        boolean ok = c.positive("units", l.units());
        if (!requireSequence(in, c, "an Embedding") || !ok) {
            return Step.unknown();
        }
        long d = in.last();
        long u = l.units();
        long t = in.dim(0);
        return new Step(Flow.real(in.dim(0), l.units()), 4 * u * (d + u + 1), t * (8 * u * (d + u) + 10 * u));
    }

    static Step transformer(Layers.TransformerBlock l, Flow in, LayerCheck c) {
        boolean ok = c.positive("dModel", l.dModel()) & c.positive("heads", l.heads())
                & c.positive("ffWidth", l.ffWidth()) & c.rate("dropout", l.dropout());
        if (ok && l.dModel() % l.heads() != 0) {
            c.error("heads", "splits dModel " + l.dModel() + " into " + l.heads() + " heads, but " + l.dModel()
                    + " is not divisible by " + l.heads() + ": choose heads dividing dModel");
            ok = false;
        }
        if (!requireSequence(in, c, "an Embedding")) {
            return Step.unknown();
        }
        long d = Math.max(0, l.dModel());
        long ff = Math.max(0, l.ffWidth());
        // q, k, v, o projections with biases; two LayerNorms; the feed-forward pair of Dense layers
        long params = 4 * (d * d + d) + 2 * (2 * d) + (d * ff + ff) + (ff * d + d);
        if (ok && in.last() != l.dModel()) {
            c.error("dModel", "has dModel " + l.dModel() + " but gets " + in.describe()
                    + ": make the layer before it output " + l.dModel() + " features (or set dModel to " + in.last() + ")");
            ok = false;
        }
        if (!ok) {
            return Step.unknown(params);
        }
        long t = in.dim(0);
        long flops = 4 * 2 * t * d * d + 2 * 2 * t * t * d + 2 * 2 * t * d * ff + 10 * t * d;
        return new Step(in, params, flops);
    }

    static Step sequencePool(Flow in, LayerCheck c) {
        if (!requireSequence(in, c, "a recurrent or Transformer layer")) {
            return Step.unknown();
        }
        return new Step(Flow.real(in.last()), 0, in.elements());
    }

    static Step output(Layers.Output l, Flow in, LayerCheck c) {
        boolean ok = c.positive("classes", l.classes());
        if (l.perToken()) {
            if (in.rank() != 2) {
                c.error("", "predicts one class per token and needs a sequence [T,D] but gets " + in.describe()
                        + ": use recurrent or Transformer layers before it, or set perToken to false");
                return Step.unknown();
            }
        } else if (in.rank() != 1) {
            String fix = in.rank() == 2 ? "add a SequencePool before it, or set perToken to true"
                    : "add a Flatten or GlobalAvgPool before it";
            c.error("", "gives one prediction per example and needs a vector [D] but gets " + in.describe() + ": " + fix);
            return Step.unknown();
        }
        if (!ok) {
            return Step.unknown();
        }
        long d = in.last();
        long t = in.rank() == 2 ? in.dim(0) : 1;
        Flow out = in.rank() == 2 ? Flow.real(in.dim(0), l.classes()) : Flow.real(l.classes());
        return new Step(out, (long) l.classes() * (d + 1), t * 2 * d * l.classes());
    }

    private static boolean requireSequence(Flow in, LayerCheck c, String before) {
        if (in.rank() == 2) {
            return true;
        }
        c.error("", "needs a sequence [T,D] but gets " + in.describe() + ": put " + before + " before it");
        return false;
    }
}
