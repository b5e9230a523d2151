package org.guidancelab.ui.model;

import java.util.Optional;

/**
 * What is being dragged inside the app, as the string carried by the Dragboard under the app's own data format:
 * a palette entry, a block, an architecture card, or one end of a pair line.
 */
public record DragPayload(Kind kind, String value) {
    public enum Kind { PALETTE, BLOCK, ARCHITECTURE, TAP, PAIR_END }

    public static DragPayload palette(org.guidancelab.arch.LayerType type) {
        return new DragPayload(Kind.PALETTE, type.name());
    }

    public static DragPayload block(BlockRef ref) {
        return new DragPayload(Kind.BLOCK, ref.lane().name() + ":" + ref.index());
    }

    public static DragPayload architecture(String id) {
        return new DragPayload(Kind.ARCHITECTURE, id);
    }

    /** A new pair started from the tap marker of {@code layer} in {@code lane}. */
    public static DragPayload tap(Lane lane, String layer) {
        return new DragPayload(Kind.TAP, lane.name() + ":" + layer);
    }

    /** The {@code end} of the line from {@code guideTap} to {@code targetTap}, being moved to another tap. */
    public static DragPayload pairEnd(Lane end, String guideTap, String targetTap) {
        return new DragPayload(Kind.PAIR_END, end.name() + ":" + guideTap + ":" + targetTap);
    }

    public String encode() {
        return kind.name() + "|" + value;
    }

    public static Optional<DragPayload> decode(Object content) {
        if (!(content instanceof String s)) {
            return Optional.empty();
        }
        int bar = s.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DragPayload(Kind.valueOf(s.substring(0, bar)), s.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public BlockRef blockRef() {
        String[] p = value.split(":");
        return new BlockRef(Lane.valueOf(p[0]), Integer.parseInt(p[1]));
    }

    /** The lane of a TAP or PAIR_END payload. */
    public Lane lane() {
        return Lane.valueOf(value.substring(0, value.indexOf(':')));
    }

    /** For TAP: the layer name. */
    public String tapLayer() {
        return value.substring(value.indexOf(':') + 1);
    }

    /** For PAIR_END: the pair being edited. */
    public org.guidancelab.experiment.TapPair pair() {
        String[] p = value.split(":", 3);
        return new org.guidancelab.experiment.TapPair(p[1], p[2]);
    }
}
