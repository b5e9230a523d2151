package org.guidancelab.ui.model;

import java.util.Optional;
import java.util.function.Function;
import org.guidancelab.arch.LayerType;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TapPair;

/**
 * Drop handling as SceneBuilder does it: given what is dragged and where it is dropped, the command to run (or
 * empty when the drop means nothing there). The views only find the lane and the gap; all decisions are here.
 */
public final class DropPlanner {
    private final Function<String, Optional<NetworkSpec>> architectures;

    /** @param architectures the architecture library, by card id */
    public DropPlanner(Function<String, Optional<NetworkSpec>> architectures) {
        this.architectures = architectures;
    }

    /** Whether {@code payload} may be dropped on a lane at all (decides the drag-over feedback). */
    public boolean acceptsOnLane(DragPayload payload) {
        return payload.kind() == DragPayload.Kind.PALETTE || payload.kind() == DragPayload.Kind.BLOCK
                || payload.kind() == DragPayload.Kind.ARCHITECTURE;
    }

    /** A drop into gap {@code gap} of {@code lane}. */
    public Optional<Command> dropOnLane(ExperimentSpec spec, DragPayload payload, Lane lane, int gap) {
        switch (payload.kind()) {
            case PALETTE:
                return Optional.of(Edits.insertNew(spec, lane, gap, LayerType.valueOf(payload.value())));
            case BLOCK:
                return Edits.move(spec, payload.blockRef(), lane, gap);
            case ARCHITECTURE:
                return architectures.apply(payload.value()).flatMap(net -> Edits.replaceNetwork(spec, lane, net));
            default:
                return Optional.empty();
        }
    }

    /** Whether {@code payload} may end on the tap of {@code layer} in {@code lane}. */
    public boolean acceptsOnTap(ExperimentSpec spec, DragPayload payload, Lane lane, String layer) {
        if (!lane.network(spec).tapNames().contains(layer)) {
            return false;
        }
        if (payload.kind() == DragPayload.Kind.TAP) {
            return payload.lane() != lane;
        }
        return payload.kind() == DragPayload.Kind.PAIR_END && payload.lane() == lane;
    }

    /** A pair line's end, or a new line from a tap, dropped on the tap of {@code layer} in {@code lane}. */
    public Optional<Command> dropOnTap(ExperimentSpec spec, DragPayload payload, Lane lane, String layer) {
        if (!acceptsOnTap(spec, payload, lane, layer)) {
            return Optional.empty();
        }
        if (payload.kind() == DragPayload.Kind.TAP) {
            TapPair pair = lane == Lane.TARGET ? new TapPair(payload.tapLayer(), layer) : new TapPair(layer, payload.tapLayer());
            return Edits.addPair(spec, pair);
        }
        TapPair old = payload.pair();
        TapPair moved = lane == Lane.TARGET ? new TapPair(old.guideTap(), layer) : new TapPair(layer, old.targetTap());
        return Edits.reconnect(spec, old, moved);
    }
}
