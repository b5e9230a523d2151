package org.guidancelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellOutcome;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.CellTrainer;
import org.guidancelab.sweep.ClusterOptions;
import org.guidancelab.sweep.LocalExecutor;
import org.guidancelab.sweep.SessionCellTrainer;
import org.guidancelab.sweep.SweepExecutor;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepProgress;
import org.guidancelab.sweep.SweepResult;
import org.guidancelab.sweep.SweepRunner;
import org.guidancelab.sweep.SweepStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark sweep in {@code local[2]} (one Spark context for the class, as a JVM holds one): the same sweep folder
 * as the local executor's, to the last bit, cell by cell; readable while it runs; a failed cell reported.
 */
class SparkLocalSweepIT {
    private static final String ALPHAS = "  \"axes\": [{\"name\": \"alpha\", \"path\": \"training.alpha\", \"values\": [0.5, 2]}],\n"
            + "  \"seeds\": 2";
    private static SparkConnection spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() throws Exception {
        ComputeThreads.set(1);
        long t0 = System.nanoTime();
        spark = (SparkConnection) new SparkBackend().connect(new ClusterOptions("local[2]", "SparkLocalSweepIT", false, 0));
        System.out.printf(Locale.ROOT, "[measure] local[2] context start %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    private static SweepResult run(SweepPlan plan, Path dir, SweepExecutor executor, CellTrainer trainer,
                                   SweepProgress progress) throws Exception {
        return new SweepRunner(plan, dir, executor, trainer).run(null, new CancelSignal(), progress);
    }

    @Test
    void aSparkSweepsSummaryEqualsTheLocalExecutorsToTheLastBit() throws Exception {
        SweepPlan plan = SparkSweepFixture.plan(SparkSweepFixture.write(tmp.resolve("files"), "alphas", 20, ALPHAS));
        Path local = tmp.resolve("local");
        Path shipped = tmp.resolve("spark-shipped");
        Path shared = tmp.resolve("spark-shared");

        long t0 = System.nanoTime();
        SweepResult l = run(plan, local, new LocalExecutor(2), SessionCellTrainer.forJobs(2), new SweepProgress() { });
        long t1 = System.nanoTime();
        SweepResult s = run(plan, shipped, spark.executor(), spark.trainer(false), new SweepProgress() { });
        long t2 = System.nanoTime();
        SweepResult d = run(plan, shared, spark.executor(), spark.trainer(true), new SweepProgress() { });
        System.out.printf(Locale.ROOT, "[measure] %d cells, 2 at once: local executor %.2f s, Spark local[2] shipped "
                        + "%.2f s, shared folder %.2f s%n", plan.cells().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (System.nanoTime() - t2) / 1e9);

        System.out.printf(Locale.ROOT, "[measure] per cell, driver's wall time of its training: local executor %.3f s, "
                + "Spark shipped %.3f s, shared %.3f s%n", meanSeconds(l), meanSeconds(s), meanSeconds(d));
        for (SweepResult r : List.of(l, s, d)) {
            assertEquals(4, r.counts().finished(), "every cell finished: " + r.outcomes());
        }
        List<String> expected = SparkSweepFixture.summaryBits(local);
        assertEquals(8, expected.size(), "a row per cell and arm");
        assertEquals(expected, SparkSweepFixture.summaryBits(shipped), "shipped back by the driver");
        assertEquals(expected, SparkSweepFixture.summaryBits(shared), "written by the tasks into the shared folder");
        assertEquals(SparkSweepFixture.layout(local), SparkSweepFixture.layout(shipped), "the same folder layout");
        assertEquals(SparkSweepFixture.layout(local), SparkSweepFixture.layout(shared), "the same folder layout");
        assertEquals("finished", new SweepFolder(shipped).readStatus().state());

        SweepResult again = run(plan, shipped, spark.executor(), spark.trainer(false), new SweepProgress() { });
        assertTrue(again.nothingToTrain(), "run again, a finished sweep trains nothing");
        assertEquals(expected, SparkSweepFixture.summaryBits(shipped), "and its rows stay one per cell and arm");
    }

    private static double meanSeconds(SweepResult r) {
        return r.outcomes().stream().mapToDouble(CellOutcome::seconds).average().orElse(Double.NaN);
    }

    @Test
    void theFolderIsReadableWhileItRunsWithCellsAppearingAsTheyFinish() throws Exception {
        SweepPlan plan = SparkSweepFixture.plan(SparkSweepFixture.write(tmp.resolve("files"), "alphas", 10, ALPHAS));
        Path dir = tmp.resolve("sweep");
        SweepFolder folder = new SweepFolder(dir);
        List<String> seen = new ArrayList<>();
        List<AssertionError> problems = new ArrayList<>();
        // one cell at a time, so each ending is seen with the cells after it still to run
        run(plan, dir, new LocalExecutor(1), spark.trainer(false), new SweepProgress() {
            @Override
            public synchronized void cellEnded(CellOutcome o) {
                try {
                    // what a reader of the folder (the app's Sweep tab) finds at this moment, the sweep still running
                    SweepStatus status = folder.readStatus();
                    assertEquals("running", status.state());
                    assertEquals(CellStatus.FINISHED, o.status());
                    assertEquals(CellStatus.FINISHED, status.cells().get(o.cell().id()).status());
                    assertTrue(Files.isDirectory(folder.cellDir(o.cell().id())), "published under its final name");
                    assertFalse(Files.exists(folder.tmpDir(o.cell().id())), "no temporary folder left");
                    assertTrue(folder.readSummary().stream().filter(r -> r.cell().equals(o.cell().id()))
                            .allMatch(r -> r.status() == CellStatus.FINISHED && Double.isFinite(r.get("final_val_acc"))));
                    seen.add(o.cell().id());
                    long finished = status.cells().values().stream().filter(c -> c.status() == CellStatus.FINISHED).count();
                    assertEquals(seen.size(), finished, "one more finished cell at each ending");
                    assertEquals(plan.cells().size() - seen.size(), status.cells().values().stream()
                            .filter(c -> c.status() == CellStatus.PENDING).count(), "the others still to run");
                    assertEquals(plan.cells().size(), folder.readPlan().cells().size(), "plan.json lists every cell");
                } catch (Exception | AssertionError e) {
                    problems.add(e instanceof AssertionError a ? a : new AssertionError(e));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        assertEquals(4, seen.size());
        assertEquals("finished", folder.readStatus().state());
    }

    @Test
    void aFailedCellIsReportedWithItsMessageAndTheSweepGoesOn() throws Exception {
        SweepPlan plan = SparkSweepFixture.plan(SparkSweepFixture.write(tmp.resolve("files"), "lrs", 20,
                "  \"axes\": [{\"name\": \"lr\", \"path\": \"training.learningRate\", \"values\": [0.01, 1e30]}]"));
        Path dir = tmp.resolve("sweep");
        SweepResult r = run(plan, dir, spark.executor(), spark.trainer(false), new SweepProgress() { });
        CellOutcome bad = r.outcomes().stream().filter(o -> o.cell().id().equals("lr=1e30,seed=1")).findFirst().orElseThrow();
        CellOutcome good = r.outcomes().stream().filter(o -> o.cell().id().equals("lr=0.01,seed=1")).findFirst().orElseThrow();
        assertEquals(CellStatus.FAILED, bad.status());
        assertFalse(bad.message().isBlank(), "the failure says why");
        assertEquals(CellStatus.FINISHED, good.status());
        SweepFolder folder = new SweepFolder(dir);
        assertEquals("incomplete", folder.readStatus().state());
        assertEquals(CellStatus.FAILED, folder.readStatus().cells().get("lr=1e30,seed=1").status());
        assertEquals(bad.message(), folder.readStatus().cells().get("lr=1e30,seed=1").message());
        assertTrue(Files.isDirectory(folder.tmpDir("lr=1e30,seed=1")), "its run folder is kept to look at, as locally");
        assertFalse(Files.exists(folder.cellDir("lr=1e30,seed=1")), "and never counted as finished");
    }
}
