package org.guidancelab.ui.run;

import java.nio.file.Path;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.session.LiveFeed;
import org.guidancelab.session.RunSession;

/** The run on the training thread now: what was queued and the session running it. */
public record ActiveRun(RunJob job, RunSession session) {

    /** Its event stream for the FX thread. */
    public LiveFeed feed() {
        return session.feed();
    }

    /** The experiment being run (a resume: once its run folder has been read; null before). */
    public ExperimentSpec experiment() {
        return session.experiment();
    }

    /** The run folder, once created or found (null before). */
    public Path dir() {
        return session.directory();
    }
}
