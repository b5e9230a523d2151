package org.guidancelab.ui.model;

/** A block on the canvas: a layer of the guide or of the target, by index in its network. */
public record BlockRef(Lane lane, int index) {
}
