package org.guidancelab.engine.model.samediff;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A value flowing through the graph under construction: the SameDiff variable (batch axis first, batch size
 * dynamic) and its static per-example shape, which every layer builder needs to size weights and reshapes.
 */
record Node(SDVariable var, List<Integer> shape) {
    Node {
        shape = List.copyOf(shape);
    }

    int rank() {
        return shape.size();
    }

    int dim(int axis) {
        return shape.get(axis);
    }

    /** The size of the last axis (features of a [D] or [T, D] value). */
    int last() {
        return shape.get(shape.size() - 1);
    }

    /** Number of values per example. */
    long size() {
        long p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }
}
