package org.guidancelab.ui.run;

import java.nio.file.Path;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * One entry of the training queue: a new run of an experiment (captured when Run was pressed, so later edits in the
 * builder apply to the next run only), or the resume of a stopped run folder.
 *
 * @param experiment the experiment to run; null for a resume (the run folder holds it)
 * @param resumeDir  the run folder to continue; null for a new run
 */
public record RunJob(ExperimentSpec experiment, Path resumeDir) {
    public RunJob {
        if ((experiment == null) == (resumeDir == null)) {
            throw new IllegalArgumentException("a run job is either a new experiment or a run folder to resume");
        }
    }

    public static RunJob fresh(ExperimentSpec experiment) {
        return new RunJob(experiment, null);
    }

    public static RunJob resume(Path dir) {
        return new RunJob(null, dir);
    }

    public boolean isResume() {
        return resumeDir != null;
    }

    /** What the queue and the progress line call it. */
    public String label() {
        if (isResume()) {
            return "resume " + resumeDir.getFileName();
        }
        return experiment.title().isBlank() ? "untitled experiment" : experiment.title();
    }
}
