package org.guidancelab.engine.cka;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.engine.blas.Blas;

/**
 * Runs the per-tap Gram work of a heatmap on the calling thread plus, when a core is idle, helper threads from a
 * small fixed pool. Each tap is computed whole by one thread with the same single-threaded OpenBLAS call and Java
 * loops, and lands in its own row, so the result does not depend on how many threads took part or which took which
 * tap; everything that sums across taps runs afterwards on the calling thread.
 */
final class GramWorkers {
    /** {@code -Dguidancelab.heatmapThreads=N} fixes the thread count (1 = calling thread only); unset = auto. */
    static final String PROPERTY = "guidancelab.heatmapThreads";
    private static final int MAX_HELPERS = 3;

    private static volatile ExecutorService pool;

    private GramWorkers() {
    }

    /**
     * Threads for one heatmap side: the property if set; otherwise 1 unless products go straight to OpenBLAS, OpenBLAS
     * was told to use one thread (with more it already splits each product over the cores) and the load average
     * leaves cores idle: one helper per idle core (rounded), the caller's own work counted in the load, so a 2-core
     * machine running only this training (load about 1) gets one helper and one also running a second arm none.
     */
    static int auto() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            try {
                return Math.max(1, Math.min(MAX_HELPERS + 1, Integer.parseInt(forced.trim())));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2 || ComputeThreads.chosen() != 1 || !Blas.isDirect()) {
            return 1;
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load < 0) {
            return 1; // no load average on this OS: do not guess
        }
        return 1 + helpersFor(cores, load);
    }

    /** Helper threads for {@code cores} cores at this load average (the caller's thread counted in it). */
    static int helpersFor(int cores, double load) {
        int idle = (int) Math.floor(cores - load + 0.5);
        return Math.max(0, Math.min(Math.min(idle, cores - 1), MAX_HELPERS));
    }

    /** Runs {@code task} for 0 .. tasks-1 on up to {@code threads} threads (the caller one of them); rethrows. */
    static void run(int tasks, int threads, IntConsumer task) {
        int helpers = Math.min(Math.min(threads, tasks) - 1, MAX_HELPERS);
        if (helpers <= 0) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            for (int i; (i = next.getAndIncrement()) < tasks; ) {
                task.accept(i);
            }
        };
        List<Future<?>> running = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            running.add(pool().submit(loop));
        }
        Throwable failure = null;
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(tasks); // the helpers stop at their next tap
        }
        boolean interrupted = false;
        for (Future<?> f : running) {
            // wait for every helper even when interrupted: they write into the caller's arrays
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        } else if (failure instanceof Error err) {
            throw err;
        } else if (failure != null) {
            throw new IllegalStateException("a heatmap Gram failed", failure);
        }
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (GramWorkers.class) {
                if (pool == null) {
                    AtomicInteger count = new AtomicInteger();
                    pool = Executors.newFixedThreadPool(MAX_HELPERS, r -> {
                        Thread t = new Thread(r, "heatmap-grams-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }
}
