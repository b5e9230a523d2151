package org.guidancelab.sweep;

/**
 * What running a {@link CellJob} means in this process: {@link SweepRunner} hands its own (the cell's lifecycle in the
 * folder, {@link CellRun#run}, with progress and the sweep's status and summary kept up to date) to the executor.
 */
@FunctionalInterface
public interface CellWork {
    /** Runs the job on the calling thread; never throws for a failed cell (it is an outcome). */
    CellOutcome run(CellJob job, CancelSignal cancel);
}
