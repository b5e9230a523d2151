package org.guidancelab.experiment;

/**
 * A problem in an experiment found after parsing, located by a JSON-path-like string
 * ({@code $.target.layers[3].units}) that a file's location map turns into a line.
 */
public record SpecProblem(String jsonPath, String message) {

    /** "$.training.batchSize: message". */
    public String describe() {
        return jsonPath + ": " + message;
    }
}
