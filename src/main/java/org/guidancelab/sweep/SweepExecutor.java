package org.guidancelab.sweep;

import java.util.List;

/**
 * Runs the cells of a sweep, several at a time: {@link LocalExecutor} on threads of this process. On a cluster
 * ({@link ClusterConnection}) each thread's {@link CellRun#run} stays on this machine (lock, temporary name, rename)
 * and its {@link CellTrainer} sends the training away as a task, where a task run twice is harmless. No JavaFX, no
 * CLI: the app, the CLI and a cluster drive the same {@link SweepRunner}.
 */
public interface SweepExecutor {
    /** How many cells run at once. */
    int parallelism();

    /**
     * Runs every job (starting them in the order given), at most {@link #parallelism()} at once, and returns each
     * job's outcome in the order given once all have ended. After {@code cancel}, jobs not yet started are not started
     * (their outcome is PENDING) and those under way stop between steps.
     */
    List<CellOutcome> execute(List<CellJob> jobs, CellWork work, CancelSignal cancel) throws InterruptedException;
}
