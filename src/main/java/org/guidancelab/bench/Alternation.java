package org.guidancelab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of timed blocks: unguided, guided, unguided, guided, ... so that a slow minute of a shared machine falls
 * on both modes instead of on whichever ran then, and their ratio stays meaningful.
 */
public final class Alternation {
    /** A bench mode: the baseline arm or the guided-untrained arm. */
    public enum Mode {
        UNGUIDED, GUIDED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Alternation() {
    }

    /** {@code repeats} rounds of one block per mode, modes in declaration order within each round. */
    public static List<Mode> order(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, got " + repeats);
        }
        List<Mode> out = new ArrayList<>(2 * repeats);
        for (int r = 0; r < repeats; r++) {
            for (Mode m : Mode.values()) {
                out.add(m);
            }
        }
        return out;
    }
}
