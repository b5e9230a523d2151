package org.guidancelab.ui.model;

import java.util.Locale;
import org.guidancelab.arch.LayerType;
import org.guidancelab.arch.NetworkSpec;

/** Fresh layer names: pairs refer to layers by name, so names must stay unique within a network. */
public final class LayerNames {
    private LayerNames() {
    }

    /** "dense3": the type's short stem and the first number not yet used in {@code net}. */
    public static String fresh(LayerType type, NetworkSpec net) {
        return freshFrom(stem(type), net);
    }

    /** {@code wanted} itself when free in {@code net}, else wanted2, wanted3, ... */
    public static String unique(String wanted, NetworkSpec net) {
        if (net.indexOf(wanted) < 0) {
            return wanted;
        }
        String base = wanted.replaceAll("\\d+$", "");
        if (base.isEmpty()) {
            base = "layer";
        }
        // "logits" taken: its copy is "logits2" (the original counts as the first)
        return freshFrom(base, net, base.equals(wanted) ? 2 : 1);
    }

    private static String freshFrom(String base, NetworkSpec net) {
        return freshFrom(base, net, 1);
    }

    private static String freshFrom(String base, NetworkSpec net, int first) {
        for (int i = first; ; i++) {
            String candidate = base + i;
            if (net.indexOf(candidate) < 0) {
                return candidate;
            }
        }
    }

    static String stem(LayerType type) {
        switch (type) {
            case CONV2D: return "conv";
            case MAX_POOL_2D: return "maxpool";
            case AVG_POOL_2D: return "avgpool";
            case GLOBAL_AVG_POOL: return "gap";
            case BATCH_NORM: return "bn";
            case LAYER_NORM: return "ln";
            case ACTIVATION: return "act";
            case RESIDUAL: return "res";
            case EMBEDDING: return "embed";
            case POSITIONAL_EMBEDDING: return "pos";
            case SIMPLE_RNN: return "rnn";
            case TRANSFORMER_BLOCK: return "attn";
            case SEQUENCE_POOL: return "seqpool";
            default: return type.jsonName().toLowerCase(Locale.ROOT);
        }
    }
}
