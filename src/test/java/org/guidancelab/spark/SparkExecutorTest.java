package org.guidancelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellJob;
import org.guidancelab.sweep.CellOutcome;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.SweepCell;
import org.junit.jupiter.api.Test;

/** Cells start in order while the cluster has a free core, and more start as cores join (executors registering). */
class SparkExecutorTest {
    @Test
    void startsCellsInOrderAsCoresFreeUpOrJoin() throws Exception {
        AtomicInteger cores = new AtomicInteger(1);
        List<String> started = new CopyOnWriteArrayList<>();
        Map<String, CountDownLatch> release = Map.of("a", new CountDownLatch(1), "b", new CountDownLatch(1),
                "c", new CountDownLatch(1));
        List<CellJob> jobs = List.of(job("a"), job("b"), job("c"));
        ExecutorService driver = Executors.newSingleThreadExecutor();
        try {
            Future<List<CellOutcome>> run = driver.submit(() -> new SparkExecutor(cores::get).execute(jobs, (job, c) -> {
                started.add(job.cell().id());
                try {
                    release.get(job.cell().id()).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new CellOutcome(job.cell(), CellStatus.FINISHED, "", null, true, false, 0);
            }, new CancelSignal()));
            waitFor(() -> started.size() == 1);
            release.get("a").countDown(); // a's core is free: b starts
            waitFor(() -> started.size() == 2);
            assertEquals(2, started.size(), "one core, so c waits while b runs");
            cores.set(2); // an executor registered: c starts beside b
            waitFor(() -> started.size() == 3);
            assertEquals(List.of("a", "b", "c"), started);
            release.get("b").countDown();
            release.get("c").countDown();
            List<CellOutcome> out = run.get(1, TimeUnit.MINUTES);
            assertEquals(List.of("a", "b", "c"), out.stream().map(o -> o.cell().id()).toList());
            assertTrue(out.stream().allMatch(o -> o.status() == CellStatus.FINISHED));
        } finally {
            driver.shutdownNow();
        }
    }

    private static CellJob job(String id) {
        return new CellJob(Path.of("sweep"), new SweepCell(id, Map.of(), 1, null, 1));
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(10); // polling a state with a timeout
        }
    }
}
