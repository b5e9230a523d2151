package org.guidancelab.experiment;

import org.guidancelab.arch.LocatedJson;

/**
 * An experiment read from a file together with where each of its values sits in that file, so problems found
 * after parsing (validation) are still reported as "file:line: message".
 */
public record ParsedExperiment(ExperimentSpec spec, LocatedJson source) {

    public String file() {
        return source.file();
    }

    /** The line of {@code jsonPath} ("$.target.layers[3].units"), or of its nearest enclosing value in the file. */
    public int lineOf(String jsonPath) {
        return source.lineOf(jsonPath);
    }
}
