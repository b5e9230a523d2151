package org.guidancelab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.platform.NativeMemoryLimit;

/**
 * Runs cells on {@code jobs} threads of this process, each with one compute thread (ND4J's and OpenBLAS's thread
 * count is per calling thread: {@link ComputeThreads#bindCurrentThread}), so J cells use J cores. Each job's memory is
 * bounded by {@link #memoryPerJob}: the process's native memory bound shared out (the guide tap cache, the part that
 * grows with the data, is held to a quarter of it).
 */
public final class LocalExecutor implements SweepExecutor {
    /** A job's share never goes below this (a small net needs far less). */
    static final long MIN_JOB_BYTES = 256L << 20;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int jobs;

    public LocalExecutor(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        this.jobs = jobs;
    }

    /** One job per core. */
    public static int defaultJobs() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The native memory bound of this process (JavaCPP's maxPhysicalBytes, see NativeMemoryLimit) over the jobs. */
    public static long memoryPerJob(int jobs) {
        return Math.max(MIN_JOB_BYTES, NativeMemoryLimit.inForce() / Math.max(1, jobs));
    }

    @Override
    public int parallelism() {
        return jobs;
    }

    @Override
    public List<CellOutcome> execute(List<CellJob> list, CellWork work, CancelSignal cancel) throws InterruptedException {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, list.size())), r -> {
            Thread t = new Thread(r, "sweep-" + pool + "-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CellOutcome>> futures = new ArrayList<>();
            for (CellJob job : list) {
                futures.add(threads.submit(() -> {
                    if (cancel.isCancelled()) {
                        return CellOutcome.notStarted(job.cell(), null, "stopped before it started");
                    }
                    ComputeThreads.bindCurrentThread();
                    try {
                        return work.run(job, cancel);
                    } catch (RuntimeException e) {
                        return CellOutcome.failed(job.cell(), String.valueOf(e.getMessage()));
                    }
                }));
            }
            return CellOutcome.collect(futures);
        } finally {
            threads.shutdownNow();
        }
    }
}
