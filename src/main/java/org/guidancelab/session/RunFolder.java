package org.guidancelab.session;

import java.io.IOException;
import java.nio.file.Path;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.RunWriter;

/**
 * Where a fresh run is recorded: a new folder named by date and title under a folder of runs (the app, {@code run}),
 * or exactly a given folder (a reproduce seed, a sweep cell).
 */
public record RunFolder(Path path, boolean exact) {

    /** A new folder {@code <runsDir>/<yyyyMMdd-HHmmss>-<title>}. */
    public static RunFolder under(Path runsDir) {
        return new RunFolder(runsDir, false);
    }

    /** Exactly {@code dir} (created; it must not hold a run yet). */
    public static RunFolder exactly(Path dir) {
        return new RunFolder(dir, true);
    }

    RunWriter create(ExperimentSpec spec) throws IOException {
        return exact ? RunWriter.createIn(path, spec) : RunWriter.create(path, spec);
    }
}
