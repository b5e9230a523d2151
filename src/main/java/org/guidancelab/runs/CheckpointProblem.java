package org.guidancelab.runs;

import java.nio.file.Path;

/**
 * An arm's newest checkpoint that could not be used: the file, what is wrong with it, and the previous checkpoint read
 * instead ({@code fallback}, null when there was none to read or it was damaged too: then {@code fallbackProblem} says
 * why).
 */
public record CheckpointProblem(String arm, Path file, String reason, Path fallback, String fallbackProblem) {

    /** One sentence for a message: the file, what is wrong and what was done about it. */
    public String describe() {
        String s = "the checkpoint " + file + " of arm '" + arm + "' cannot be used: " + reason;
        if (fallback != null) {
            return s + "; the arm continues from the previous checkpoint " + fallback;
        }
        return s + "; " + (fallbackProblem == null ? "there is no previous checkpoint to fall back to" : fallbackProblem);
    }
}
