package org.guidancelab.figures;

import java.util.Objects;

/**
 * A vertical line on the curve charts: the step at which an arm's guidance was disconnected (warmup runs).
 *
 * @param arm  the arm whose guide was disconnected (the marker takes its colour)
 * @param step the training step
 */
public record GuidanceMarker(String arm, double step) {
    public GuidanceMarker {
        Objects.requireNonNull(arm, "arm");
        if (!Double.isFinite(step)) {
            throw new IllegalArgumentException("guidance marker of arm " + arm + ": step is " + step);
        }
    }
}
