package org.guidancelab.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellJob;
import org.guidancelab.sweep.CellOutcome;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.CellWork;
import org.guidancelab.sweep.SweepExecutor;

/**
 * Starts cells, in the order given (longest first), as long as the cluster has a free core for one: each started cell
 * is a driver thread waiting on its Spark job. The number of cores is read again before each start and at least once
 * a second, because a cluster's executors register after the context starts and may be lost: a fixed count taken at
 * start would leave a large cluster idle (Spark counts 2 cores until executors register). Cells not started yet stay
 * PENDING in status.json, so a reader sees what really runs.
 */
final class SparkExecutor implements SweepExecutor {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final IntSupplier slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    private int inFlight;

    /** @param slots the cells the cluster can run at this moment (its cores, or the user's --jobs) */
    SparkExecutor(IntSupplier slots) {
        this.slots = slots;
    }

    @Override
    public int parallelism() {
        return Math.max(1, slots.getAsInt());
    }

    @Override
    public List<CellOutcome> execute(List<CellJob> jobs, CellWork work, CancelSignal cancel) throws InterruptedException {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "spark-sweep-" + pool + "-cell-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CellOutcome>> futures = new ArrayList<>();
            for (CellJob job : jobs) {
                if (!awaitSlot(cancel)) {
                    futures.add(CompletableFuture.completedFuture(new CellOutcome(job.cell(), CellStatus.PENDING,
                            "stopped before it started", null, false, false, 0)));
                    continue;
                }
                futures.add(threads.submit(() -> {
                    try {
                        return work.run(job, cancel);
                    } catch (RuntimeException e) {
                        return CellOutcome.failed(job.cell(), Failures.message(e));
                    } finally {
                        release();
                    }
                }));
            }
            return CellOutcome.collect(futures);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Waits for a free core (false when cancelled first), and takes it. */
    private boolean awaitSlot(CancelSignal cancel) throws InterruptedException {
        lock.lock();
        try {
            while (!cancel.isCancelled() && inFlight >= parallelism()) {
                ended.await(1, TimeUnit.SECONDS); // a cell ended, or look again: executors come and go
            }
            if (cancel.isCancelled()) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            inFlight--;
            ended.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
