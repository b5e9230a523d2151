package org.guidancelab.arch;

/**
 * A problem found in a network spec, in words a student understands, naming where it is.
 *
 * @param layerIndex index of the layer in its network (-1 for the network as a whole)
 * @param layerName  the layer's name (empty for the network as a whole)
 * @param field      the offending field ("units", "kernel", ...; empty when the layer as a whole is wrong)
 */
public record Diagnostic(Severity severity, int layerIndex, String layerName, String field, String message) {
    public enum Severity { ERROR, WARNING }

    /** "layer 3 'conv3' (kernel): message". */
    public String describe() {
        String where = layerIndex < 0 ? "network" : "layer " + layerIndex + " '" + layerName + "'";
        return where + (field == null || field.isEmpty() ? "" : " (" + field + ")") + ": " + message;
    }
}
