package org.guidancelab.arch;

import java.util.List;

/**
 * What shape inference knows of one layer: its output shape per example (empty when it could not be inferred),
 * trainable parameter count and forward FLOPs estimate per example.
 */
public record LayerInfo(int index, String name, String type, List<Integer> outputShape, long params, long flops,
                        boolean tap) {
    public LayerInfo {
        outputShape = List.copyOf(outputShape);
    }

    /** "[16, 28, 28]" or "?" when unknown. */
    public String shapeText() {
        return outputShape.isEmpty() ? "?" : outputShape.toString();
    }
}
