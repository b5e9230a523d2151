package org.guidancelab.ui.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * A bounded undo/redo history of experiment states. Each entry holds the state before and after one command, so
 * undo and redo are exact (no inverse commands to get wrong). The oldest entry is dropped beyond the capacity.
 */
public final class UndoHistory {
    /** One executed edit. */
    public record Entry(String label, ExperimentSpec before, ExperimentSpec after) {
    }

    private final int capacity;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();

    public UndoHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records an executed edit; a new edit forgets what could be redone. */
    public void push(Entry e) {
        undo.push(e);
        while (undo.size() > capacity) {
            undo.removeLast();
        }
        redo.clear();
    }

    public Optional<Entry> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Entry e = undo.pop();
        redo.push(e);
        return Optional.of(e);
    }

    public Optional<Entry> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Entry e = redo.pop();
        undo.push(e);
        return Optional.of(e);
    }

    public Optional<String> nextUndoLabel() {
        return Optional.ofNullable(undo.peek()).map(Entry::label);
    }

    public Optional<String> nextRedoLabel() {
        return Optional.ofNullable(redo.peek()).map(Entry::label);
    }

    public int undoSize() {
        return undo.size();
    }

    public int redoSize() {
        return redo.size();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
