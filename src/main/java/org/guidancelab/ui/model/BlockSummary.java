package org.guidancelab.ui.model;

import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;

/** The key hyper-parameters of a layer in a few characters, for its block on the canvas ("16@3x3 s1 relu"). */
public final class BlockSummary {
    private BlockSummary() {
    }

    public static String of(LayerSpec l) {
        if (l instanceof Layers.Input x) {
            return (x.kind() == Layers.InputKind.TOKENS ? "tokens " + x.shape() + " of " + x.vocabSize() : "real " + x.shape());
        }
        if (l instanceof Layers.Dense x) {
            return x.units() + act(x.activation());
        }
        if (l instanceof Layers.Conv2D x) {
            return x.filters() + "@" + x.kernel() + "x" + x.kernel() + (x.stride() != 1 ? " s" + x.stride() : "")
                    + (x.padding() != 0 ? " p" + x.padding() : "") + act(x.activation());
        }
        if (l instanceof Layers.MaxPool2D x) {
            return x.size() + "x" + x.size() + " s" + x.stride();
        }
        if (l instanceof Layers.AvgPool2D x) {
            return x.size() + "x" + x.size() + " s" + x.stride();
        }
        if (l instanceof Layers.Reshape x) {
            return "to " + x.shape();
        }
        if (l instanceof Layers.Dropout x) {
            return "rate " + x.rate();
        }
        if (l instanceof Layers.Activation x) {
            return x.fn().jsonName();
        }
        if (l instanceof Layers.Residual x) {
            return x.block().size() + " inner" + (x.skip() == Layers.Skip.PROJECTION ? ", proj" : "") + act(x.post());
        }
        if (l instanceof Layers.Embedding x) {
            return x.vocabSize() + " -> " + x.dim();
        }
        if (l instanceof Layers.PositionalEmbedding x) {
            return "max " + x.maxLength();
        }
        if (l instanceof Layers.SimpleRNN x) {
            return x.units() + " units";
        }
        if (l instanceof Layers.LSTM x) {
            return x.units() + " units";
        }
        if (l instanceof Layers.TransformerBlock x) {
            return "d" + x.dModel() + " h" + x.heads() + (x.causal() ? " causal" : "");
        }
        if (l instanceof Layers.SequencePool x) {
            return x.mode().name().toLowerCase();
        }
        if (l instanceof Layers.Output x) {
            return x.classes() + " classes" + (x.perToken() ? " /token" : "");
        }
        return "";
    }

    private static String act(ActivationFn f) {
        return f == ActivationFn.IDENTITY ? "" : " " + f.jsonName();
    }

    /** "1.2M", "34k", "512". */
    public static String count(long n) {
        if (n >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 10_000) {
            return String.format(java.util.Locale.ROOT, "%.0fk", n / 1e3);
        }
        if (n >= 1_000) {
            return String.format(java.util.Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }
}
