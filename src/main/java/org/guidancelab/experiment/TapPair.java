package org.guidancelab.experiment;

import java.util.Objects;

/** One alignment pair: a guide tap and the target tap it pulls on (layer names). */
public record TapPair(String guideTap, String targetTap) {
    public TapPair {
        Objects.requireNonNull(guideTap, "guideTap");
        Objects.requireNonNull(targetTap, "targetTap");
    }
}
