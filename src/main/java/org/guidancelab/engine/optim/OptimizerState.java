package org.guidancelab.engine.optim;

import java.util.Arrays;
import java.util.List;

/**
 * An optimizer's state as plain arrays: its kind name, the number of updates done and its per-parameter slots (Adam:
 * first then second moments; SGD: the momentum buffer).
 */
public record OptimizerState(String kind, long updates, List<float[]> slots) {
    public OptimizerState {
        slots = slots.stream().map(float[]::clone).toList();
    }

    @Override
    public List<float[]> slots() {
        return slots.stream().map(float[]::clone).toList();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerState other) || !kind.equals(other.kind) || updates != other.updates
                || slots.size() != other.slots.size()) {
            return false;
        }
        for (int i = 0; i < slots.size(); i++) {
            if (!Arrays.equals(slots.get(i), other.slots.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Long.hashCode(updates);
    }
}
