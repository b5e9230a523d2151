package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;

/**
 * Whether a spec is a plain recurrent token model that {@link RecurrentFastModel} handles: a token Input, one
 * Embedding, one or more SimpleRNN or LSTM layers, a per-token Output. Anything else (dropout, pooling, ...) stays on
 * the general model.
 *
 * @param embedding the embedding layer
 * @param recurrent the SimpleRNN and LSTM layers in order
 * @param output    the per-token head
 */
record RecurrentPlan(Layers.Input input, Layers.Embedding embedding, List<LayerSpec> recurrent,
                     Layers.Output output, String problem) {

    static RecurrentPlan of(NetworkSpec spec) {
        List<LayerSpec> l = spec.layers();
        if (l.size() < 4 || !(l.get(0) instanceof Layers.Input in) || in.kind() != Layers.InputKind.TOKENS
                || in.shape().size() != 1 || in.shape().get(0) == null || in.shape().get(0) <= 0) {
            return fail("not a token input of fixed length");
        }
        if (!(l.get(1) instanceof Layers.Embedding e) || e.dim() <= 0 || e.vocabSize() < Math.max(1, in.vocabSize())) {
            return fail("layer 1 is not an Embedding covering the vocabulary");
        }
        List<LayerSpec> recurrent = new ArrayList<>();
        for (int i = 2; i < l.size() - 1; i++) {
            if (units(l.get(i)) <= 0) {
                return fail("layer " + i + " '" + l.get(i).name() + "' is not a SimpleRNN or LSTM");
            }
            recurrent.add(l.get(i));
        }
        if (!(l.get(l.size() - 1) instanceof Layers.Output o) || !o.perToken() || o.classes() <= 0) {
            return fail("the last layer is not a per-token Output");
        }
        return new RecurrentPlan(in, e, recurrent, o, null);
    }

    private static RecurrentPlan fail(String why) {
        return new RecurrentPlan(null, null, List.of(), null, why);
    }

    /** The units of a SimpleRNN or LSTM layer; 0 for any other layer. */
    static int units(LayerSpec layer) {
        if (layer instanceof Layers.SimpleRNN r) {
            return r.units();
        }
        return layer instanceof Layers.LSTM l ? l.units() : 0;
    }

    int length() {
        return input.shape().get(0);
    }
}
