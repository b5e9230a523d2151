package org.guidancelab.engine.imported;

import java.util.List;

/**
 * One layer of an imported guide as the lab shows it: the file's layer name, its kind (the DL4J layer or vertex
 * class: "ConvolutionLayer", "ElementWiseVertex"), its output shape per example in the lab's layout (channels,
 * height, width for images) and its parameter count. Every layer can be a tap.
 */
public record GuideLayer(String name, String kind, List<Integer> shape, long params) {
    public GuideLayer {
        shape = List.copyOf(shape);
    }

    /** Features per example once flattened (what a tap gives CKA). */
    public long width() {
        long w = 1;
        for (int d : shape) {
            w *= d;
        }
        return w;
    }
}
