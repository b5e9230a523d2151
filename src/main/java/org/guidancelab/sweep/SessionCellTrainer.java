package org.guidancelab.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.session.DataSource;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.RunSummary;
import org.guidancelab.session.SessionOptions;

/**
 * {@link CellTrainer} over the run session: a cell is {@link RunSession#startOrResume} of its experiment in its
 * folder, so a stopped or killed cell continues from its checkpoints and a re-run of a finished one trains nothing.
 * Datasets are loaded once and shared by the cells that use the same one (they are read-only), the last four used.
 */
public final class SessionCellTrainer implements CellTrainer {
    /** Datasets kept loaded: a sweep over dataset parameters must not hold every one (as before the session). */
    static final int DATASETS_KEPT = 4;

    private final SessionOptions options;

    public SessionCellTrainer(SessionOptions options) {
        this.options = options;
    }

    /** The engine's defaults with the guide tap cache within a job's memory bound ({@link LocalExecutor#memoryPerJob}). */
    public static SessionCellTrainer forJobs(int jobs) {
        long cache = Math.min(TrainerOptions.DEFAULT_GUIDE_CACHE_BYTES, LocalExecutor.memoryPerJob(jobs) / 4);
        return new SessionCellTrainer(SessionOptions.defaults()
                .withTrainer(TrainerOptions.defaults().withGuideCacheBytes(cache))
                .withData(DataSource.cached(DataSource.factory(), DATASETS_KEPT)));
    }

    @Override
    public CellResult train(SweepCell cell, Path folder, CancelSignal cancel, TrainingListener listener) {
        boolean resumed = Files.isRegularFile(folder.resolve(RunFiles.METRICS));
        RunSession session = RunSession.startOrResume(cell.experiment(), folder, options);
        session.addListener(listener);
        RunSummary summary;
        try (CancelSignal.Registration r = cancel.onCancel(session::cancel)) {
            summary = session.run();
        } catch (RuntimeException e) {
            return new CellResult(CellStatus.FAILED, String.valueOf(e.getMessage()), resumed, session.notes());
        }
        if (summary.setupFailure() != null) {
            return new CellResult(CellStatus.FAILED, summary.setupFailure().message(), resumed, summary.notes());
        }
        if (!summary.recordFailures().isEmpty()) {
            return new CellResult(CellStatus.FAILED, String.join("; ", summary.recordFailures().stream().distinct().toList()),
                    resumed, summary.notes());
        }
        switch (summary.status()) {
            case FINISHED:
                return new CellResult(CellStatus.FINISHED, "", resumed, summary.notes());
            case STOPPED:
                return new CellResult(CellStatus.STOPPED, "stopped", resumed, summary.notes());
            default:
                return new CellResult(CellStatus.FAILED, summary.message().isBlank() ? "an arm failed" : summary.message(),
                        resumed, summary.notes());
        }
    }
}
