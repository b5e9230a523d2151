package org.guidancelab.sweep;

/**
 * A started cluster ({@link ClusterBackend#connect}): what {@link SweepRunner} needs to run cells there. The runner
 * keeps the sweep folder on this machine as for a local sweep (lock, temporary name, rename when finished, status and
 * summary), so a cluster's sweep folder is the same layout and readable while it runs; only the training goes away.
 */
public interface ClusterConnection extends AutoCloseable {
    /** Dispatches cells, as many at once as the cluster takes. */
    SweepExecutor executor();

    /** Trains one cell on the cluster and leaves its run folder where {@link CellRun} expects it. */
    CellTrainer trainer();

    /** One line for the user: the master, the executors, where cells are written. */
    String describe();

    /** Stops the connection (for Spark: its context). */
    @Override
    void close();
}
