package org.guidancelab.ui.model;

/**
 * Something that stops the experiment from running, in words for a student.
 *
 * @param lane       the network it is about, or null for the experiment as a whole
 * @param layerIndex the layer it is about, or -1
 * @param where      a short location ("target layer 3 'dense2' (units)", "$.training.steps")
 * @param message    what is wrong
 */
public record Problem(Lane lane, int layerIndex, String where, String message) {
    public String describe() {
        return where == null || where.isEmpty() ? message : where + ": " + message;
    }
}
