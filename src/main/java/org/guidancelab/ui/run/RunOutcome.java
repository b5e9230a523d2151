package org.guidancelab.ui.run;

import java.nio.file.Path;
import org.guidancelab.engine.train.RunStatus;

/**
 * How a queued run ended.
 *
 * @param job     what was run
 * @param dir     its run folder (null when none could be created)
 * @param status  finished, stopped or failed
 * @param message why it failed or stopped ("" when it finished)
 */
public record RunOutcome(RunJob job, Path dir, RunStatus status, String message) {
    public RunOutcome {
        message = message == null ? "" : message;
    }
}
