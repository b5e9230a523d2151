package org.guidancelab.engine.model.samediff;

import java.util.ArrayList;
import java.util.List;

/**
 * Spec errors found while building the graph. Shape inference reports them to the builder first; these checks
 * are the engine's own guard, with a message naming the layer (index, name, type) and what is wrong.
 */
final class Checks {
    private Checks() {
    }

    static void require(boolean ok, String label, String message) {
        if (!ok) {
            throw new IllegalArgumentException(label + ": " + message);
        }
    }

    static void positive(int value, String label, String field) {
        require(value > 0, label, field + " must be positive, got " + value);
    }

    static List<Integer> replaceLast(List<Integer> shape, int last) {
        List<Integer> s = new ArrayList<>(shape);
        s.set(s.size() - 1, last);
        return s;
    }
}
