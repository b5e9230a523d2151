package org.guidancelab.ui.model;

/**
 * Something that stops the experiment from running, in words for a student.
 *
 * @param lane       the network it is about, or null for the experiment as a whole
 * @param layerIndex the layer it is about, or -1
 * @param where      a short location ("target layer 3 'dense2' (units)", "$.training.steps")
 * @param message    what is wrong
 * @param field      the builder field it is about, so that field can show it, or null
 */
public record Problem(Lane lane, int layerIndex, String where, String message, FieldKey field) {
    public Problem(Lane lane, int layerIndex, String where, String message) {
        this(lane, layerIndex, where, message, null);
    }

    public String describe() {
        return where == null || where.isEmpty() ? message : where + ": " + message;
    }
}
