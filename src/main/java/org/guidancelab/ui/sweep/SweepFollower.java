package org.guidancelab.ui.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.guidancelab.platform.BackgroundPriority;
import org.guidancelab.sweep.SweepFolder;

/**
 * Follows a sweep folder while something fills it (this app's runner, the {@code sweep} command, a cluster
 * executor: all write the same files): a lowered background thread looks at the folder's status.json and summary.csv
 * a few times a second and, when either changed, reads the folder ({@link SweepSnapshot}) and hands the snapshot to
 * the FX thread. Watching files rather than listening to the runner is what lets the tab follow another process.
 */
final class SweepFollower {
    /** How often the folder is looked at: a cell's status shows well within a second, the disk barely notices. */
    static final long POLL_MILLIS = 400;

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> BackgroundPriority.loweredDaemon("sweep-follower", r));
    private final Consumer<SweepSnapshot> onSnapshot;
    private final Consumer<String> onProblem;
    private ScheduledFuture<?> task;
    private volatile Path dir;
    private volatile String lastStamp = "";
    /** Bumped at each follow(): a snapshot of a folder no longer followed is not applied. */
    private volatile long generation;

    /** Both consumers are called on the FX thread. */
    SweepFollower(Consumer<SweepSnapshot> onSnapshot, Consumer<String> onProblem) {
        this.onSnapshot = onSnapshot;
        this.onProblem = onProblem;
    }

    /** Follows {@code folder} from now on (FX thread); the first snapshot comes at once. */
    synchronized void follow(Path folder) {
        stop();
        dir = folder;
        lastStamp = "";
        long g = ++generation;
        task = poller.scheduleWithFixedDelay(() -> poll(g), 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Reads the folder again now, changed or not (after the runner ends: its last summary). */
    void refresh() {
        long g = generation;
        lastStamp = "";
        poller.execute(() -> poll(g));
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    Path folder() {
        return dir;
    }

    void shutdown() {
        stop();
        poller.shutdownNow();
    }

    private void poll(long g) {
        Path d = dir;
        if (d == null || g != generation) {
            return;
        }
        String stamp = stamp(d);
        if (stamp.equals(lastStamp)) {
            return;
        }
        try {
            SweepSnapshot s = SweepSnapshot.read(d);
            lastStamp = stamp;
            Platform.runLater(() -> {
                if (g == generation) {
                    onSnapshot.accept(s);
                }
            });
        } catch (IOException | RuntimeException e) {
            // A file caught between two writes reads again at the next look; a folder that is no sweep is said once.
            if (!Files.isRegularFile(d.resolve(SweepFolder.PLAN))) {
                lastStamp = stamp;
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                Platform.runLater(() -> {
                    if (g == generation) {
                        onProblem.accept(message);
                    }
                });
            }
        }
    }

    /** The sizes and times of the files a runner rewrites as cells move. */
    private static String stamp(Path d) {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of(SweepFolder.PLAN, SweepFolder.STATUS, SweepFolder.SUMMARY)) {
            try {
                Path p = d.resolve(f);
                sb.append(Files.size(p)).append('@').append(Files.getLastModifiedTime(p).toMillis()).append(';');
            } catch (IOException e) {
                sb.append("-;");
            }
        }
        return sb.toString();
    }
}
