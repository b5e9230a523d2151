package org.guidancelab.session;

import java.util.Objects;
import org.guidancelab.engine.train.TrainerOptions;

/**
 * How a session trains, apart from the experiment.
 *
 * @param trainer             engine options (probe size of the heatmaps, how models are built)
 * @param threads             compute threads to set before training; 0 keeps the process's setting (reproduce sets
 *                            it once for all its jobs)
 * @param data                where the dataset comes from
 * @param recordSetupFailures a fresh run that fails before training (invalid experiment, unreadable data) still gets
 *                            its folder, marked failed with the reason, so the app's history shows what was tried;
 *                            the command line leaves no folder then
 */
public record SessionOptions(TrainerOptions trainer, int threads, DataSource data, boolean recordSetupFailures) {
    public SessionOptions {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(data, "data");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (keep) or more, got " + threads);
        }
    }

    /** Engine defaults, the process's threads, the dataset factory, no folder for a run that cannot start. */
    public static SessionOptions defaults() {
        return new SessionOptions(TrainerOptions.defaults(), 0, DataSource.factory(), false);
    }

    public SessionOptions withTrainer(TrainerOptions t) {
        return new SessionOptions(t, threads, data, recordSetupFailures);
    }

    public SessionOptions withThreads(int n) {
        return new SessionOptions(trainer, n, data, recordSetupFailures);
    }

    public SessionOptions withData(DataSource d) {
        return new SessionOptions(trainer, threads, d, recordSetupFailures);
    }

    public SessionOptions recordingSetupFailures() {
        return new SessionOptions(trainer, threads, data, true);
    }
}
