package org.guidancelab.arch;

import java.util.List;

/**
 * Where diagnostics of one layer go, already labelled with the layer ("Conv2D 'conv3'", or for a layer inside a
 * residual block "Residual 'res2' > Conv2D 'c1'") so every message says which layer it is about. Diagnostics of
 * inner layers are attributed to the top-level layer index with a field path "block[1].kernel", which the
 * experiment validator maps to a JSON path.
 */
final class LayerCheck {
    private final List<Diagnostic> sink;
    private final int index;
    private final String name;
    private final String label;
    private final String fieldPrefix;

    private LayerCheck(List<Diagnostic> sink, int index, String name, String label, String fieldPrefix) {
        this.sink = sink;
        this.index = index;
        this.name = name;
        this.label = label;
        this.fieldPrefix = fieldPrefix;
    }

    static LayerCheck topLevel(List<Diagnostic> sink, int index, LayerSpec layer) {
        return new LayerCheck(sink, index, layer.name(), layer.type() + " '" + layer.name() + "'", "");
    }

    /** The check for layer {@code inner}, the {@code position}-th layer of this (residual) layer's block. */
    LayerCheck inner(int position, LayerSpec inner) {
        return new LayerCheck(sink, index, name, label + " > " + inner.type() + " '" + inner.name() + "'",
                fieldPrefix + "block[" + position + "].");
    }

    String label() {
        return label;
    }

    void error(String field, String message) {
        add(Diagnostic.Severity.ERROR, field, message);
    }

    private void add(Diagnostic.Severity severity, String field, String message) {
        String f = field.isEmpty() ? (fieldPrefix.isEmpty() ? "" : fieldPrefix.substring(0, fieldPrefix.length() - 1))
                : fieldPrefix + field;
        sink.add(new Diagnostic(severity, index, name, f, label + " " + message));
    }

    /** Checks {@code value > 0}; false (with an error) otherwise. */
    boolean positive(String field, long value) {
        if (value > 0) {
            return true;
        }
        error(field, "has " + field + " = " + value + ": it must be at least 1");
        return false;
    }

    /** Checks {@code 0 <= value < 1} for rates; false (with an error) otherwise. */
    boolean rate(String field, double value) {
        if (value >= 0 && value < 1) {
            return true;
        }
        error(field, "has " + field + " = " + value + ": it must be from 0 up to (not including) 1");
        return false;
    }
}
