package org.guidancelab.engine.model.samediff;

import java.util.List;
import org.guidancelab.arch.Layers;

/** Layers that keep the values and change only their shape or apply an elementwise function. */
final class ShapeLayers {
    private ShapeLayers() {
    }

    static Node flatten(Node in) {
        int size = Math.toIntExact(in.size());
        return new Node(in.var().reshape(-1, size), List.of(size));
    }

    static Node reshape(Layers.Reshape r, Node in, String label) {
        long target = 1;
        for (int d : r.shape()) {
            Checks.positive(d, label, "shape entry");
            target *= d;
        }
        Checks.require(!r.shape().isEmpty() && target == in.size(), label, "cannot reshape " + in.shape() + " ("
                + in.size() + " values) to " + r.shape() + " (" + target + " values)");
        return new Node(in.var().reshape(BuildContext.batched(r.shape())), r.shape());
    }

    static Node activation(BuildContext ctx, Layers.Activation a, Node in) {
        return new Node(ctx.activation(in.var(), a.fn()), in.shape());
    }

    static Node dropout(BuildContext ctx, Layers.Dropout d, Node in, String id, String label) {
        Checks.require(d.rate() >= 0 && d.rate() < 1, label, "rate must be in [0, 1), got " + d.rate());
        return new Node(ctx.dropout(in.var(), id, d.rate(), in.shape(), null), in.shape());
    }
}
