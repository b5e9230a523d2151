package org.guidancelab.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.train.RunStatus;

/**
 * How a session ended: what {@link RunSession#run()} returns.
 *
 * @param dir            the run folder (null when none was created or found)
 * @param status         finished, stopped or failed
 * @param message        why it failed or where it stopped ("" when it finished)
 * @param arms           each arm that reported anything in this session (resumed runs: also what the folder kept),
 *                       in the experiment's order
 * @param setupFailure   why training did not start; null when it did
 * @param recordFailures the writes of the run folder that failed ("cannot write FILE: REASON"), which stopped the run
 * @param notes          what a resume did ("arm X continues after step N", damaged checkpoints passed over)
 */
public record RunSummary(Path dir, RunStatus status, String message, Map<String, ArmResult> arms,
                         SetupFailure setupFailure, List<String> recordFailures, List<String> notes) {
    public RunSummary {
        message = message == null ? "" : message;
        arms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arms));
        recordFailures = List.copyOf(recordFailures);
        notes = List.copyOf(notes);
    }
}
