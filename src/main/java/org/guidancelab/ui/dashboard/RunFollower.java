package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.figures.RunFigureSource;
import org.guidancelab.runs.RunReader;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.ui.dashboard.RunFiguresView.RunFigureSet;

/**
 * Follows a run another thread or process is writing (a sweep cell under way): reads its folder again every period
 * off the JavaFX thread and hands the row and figures to the view on it, until the run is no longer running or
 * another run is shown. A sweep cell's folder is renamed when it finishes; the follower then reads it under its
 * finished name.
 */
final class RunFollower {
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-follower");
        t.setDaemon(true);
        return t;
    });
    private final ArmAccuracies accuracies;
    private final long periodMillis;
    private ScheduledFuture<?> following;
    private long generation;

    RunFollower(ArmAccuracies accuracies, long periodMillis) {
        this.accuracies = accuracies;
        this.periodMillis = periodMillis;
    }

    /** Starts following {@code dir}; {@code show} runs on the JavaFX thread with each new reading. */
    synchronized void follow(Path dir, BiConsumer<RunEntry, RunFigureSet> show) {
        stop();
        long g = generation;
        Path[] where = {dir};
        following = ticker.scheduleWithFixedDelay(() -> poll(g, where, show), periodMillis, periodMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Stops following (another run is shown); a reading under way is dropped. */
    synchronized void stop() {
        generation++;
        if (following != null) {
            following.cancel(false);
            following = null;
        }
    }

    synchronized boolean following() {
        return following != null;
    }

    private void poll(long g, Path[] where, BiConsumer<RunEntry, RunFigureSet> show) {
        if (!Files.isDirectory(where[0])) {
            Path finished = SweepFolder.finishedFolderOf(where[0]);
            if (finished == null || !Files.isDirectory(finished)) {
                return; // between the rename's two names, or gone: the next tick looks again
            }
            where[0] = finished;
        }
        RunEntry e = RunEntry.read(where[0], accuracies);
        RunFigureSet set;
        try {
            set = RunFiguresView.build(RunFigureSource.from(RunReader.read(where[0])));
        } catch (IOException | RuntimeException ex) {
            return; // a file caught mid-write: the next tick reads it whole
        }
        boolean over = e.status() != RunStatus.RUNNING;
        synchronized (this) {
            if (g != generation) {
                return;
            }
            if (over) {
                stop();
            }
        }
        long shown = over ? g + 1 : g;
        Platform.runLater(() -> {
            synchronized (this) {
                if (shown != generation) {
                    return;
                }
            }
            show.accept(e, set);
        });
    }
}
