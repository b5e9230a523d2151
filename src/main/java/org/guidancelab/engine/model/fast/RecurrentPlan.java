package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;

/**
 * Whether a spec is a plain recurrent token model that {@link RecurrentFastModel} handles: a token Input, one
 * Embedding, one or more SimpleRNN layers, a per-token Output. Anything else (dropout, LSTM, pooling, ...) stays on
 * the general model.
 *
 * @param embedding the embedding layer
 * @param rnns      the SimpleRNN layers in order
 * @param output    the per-token head
 */
record RecurrentPlan(Layers.Input input, Layers.Embedding embedding, List<Layers.SimpleRNN> rnns,
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
        List<Layers.SimpleRNN> rnns = new ArrayList<>();
        for (int i = 2; i < l.size() - 1; i++) {
            if (!(l.get(i) instanceof Layers.SimpleRNN r) || r.units() <= 0) {
                return fail("layer " + i + " '" + l.get(i).name() + "' is not a SimpleRNN");
            }
            rnns.add(r);
        }
        if (!(l.get(l.size() - 1) instanceof Layers.Output o) || !o.perToken() || o.classes() <= 0) {
            return fail("the last layer is not a per-token Output");
        }
        return new RecurrentPlan(in, e, rnns, o, null);
    }

    private static RecurrentPlan fail(String why) {
        return new RecurrentPlan(null, null, List.of(), null, why);
    }

    int length() {
        return input.shape().get(0);
    }
}
