package org.guidancelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep submitted with Spark's own entry point (SparkSubmit, as {@code spark-submit} runs it) and the thin jar
 * to a one-machine standalone cluster of a master and two one-core workers, each its own JVM; one worker is killed
 * (with its executor) once the first cell has finished. Spark runs the lost task again on the other worker, and the
 * sweep folder ends complete, with one row per cell and arm.
 */
class SparkStandaloneClusterIT {
    private static final String AXES = "  \"axes\": [{\"name\": \"alpha\", \"path\": \"training.alpha\", "
            + "\"values\": [0.25, 0.5, 1, 2]}],\n  \"seeds\": 2";

    @TempDir
    Path tmp;

    @Test
    void aSweepSubmittedToAClusterCompletesWhenAWorkerIsKilledMidway() throws Exception {
        Path sweepFile = SparkSweepFixture.write(tmp.resolve("files"), "alphas", 60, AXES);
        SweepPlan plan = SparkSweepFixture.plan(sweepFile);
        Path out = tmp.resolve("sweep");
        SweepFolder folder = new SweepFolder(out);
        try (StandaloneClusterFixture cluster = StandaloneClusterFixture.start(tmp)) {
            cluster.addWorker(1, Files.createDirectories(tmp.resolve("work-1")));
            cluster.addWorker(2, Files.createDirectories(tmp.resolve("work-2")));
            long t0 = System.nanoTime();
            Process submit = cluster.java("submit", "org.apache.spark.deploy.SparkSubmit",
                    "--master", cluster.masterUrl(), "--deploy-mode", "client",
                    "--class", "org.guidancelab.Main",
                    "--jars", System.getProperty("guidancelab.jar"),
                    "--conf", "spark.task.cpus=1",
                    "--conf", "spark.executorEnv.OMP_NUM_THREADS=1",
                    "--conf", "spark.executor.memory=1g",
                    "--conf", "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.maxPhysicalBytes=2g "
                            + "-Dorg.bytedeco.javacpp.cachedir=" + Path.of(System.getProperty("user.home"), ".javacpp", "cache"),
                    "--conf", "spark.ui.enabled=false",
                    System.getProperty("guidancelab.sparkJar"),
                    "sweep", sweepFile.toString(), "--out", out.toString(), "--spark", "--no-figures");
            Path submitLog = cluster.logs.resolve("submit.log");

            // mid-way: once a cell is finished, and while worker 1's executor is training one, worker 1 goes with it
            Path work1 = tmp.resolve("work-1");
            StandaloneClusterFixture.waitFor(() -> !submit.isAlive() || finished(folder, plan) >= 1
                    && executorLog(work1, ": training in") > executorLog(work1, ": FINISHED in"), "worker 1 mid-cell");
            int before = finished(folder, plan);
            double firstCell = (System.nanoTime() - t0) / 1e9;
            assertTrue(submit.isAlive() && before < plan.cells().size(), "the worker is killed before the sweep is over");
            cluster.killWorker(1);

            assertTrue(submit.waitFor(5, TimeUnit.MINUTES), "the submitted sweep did not end");
            double total = (System.nanoTime() - t0) / 1e9;
            String log = Files.readString(submitLog);
            assertEquals(0, submit.exitValue(), "spark-submit's exit code; its output:\n" + log);
            // after the kill one worker is left: its cells run one after another, so wall time per cell less the
            // cell's own training time (task_seconds, both arms) is what Spark and shipping add to each cell
            double training = folder.readSummary().stream().mapToDouble(r -> r.get("task_seconds")).sum()
                    / plan.cells().size();
            System.out.printf(Locale.ROOT, "[measure] standalone, 2 workers x 1 core, %d cells of 60 steps: submit to "
                            + "first finished cell %.1f s, whole sweep %.1f s (worker 1 killed after %d cell(s)); after "
                            + "that %.2f s a cell on one worker, of which training %.2f s%n",
                    plan.cells().size(), firstCell, total, before, (total - firstCell) / (plan.cells().size() - before),
                    training);
            assertTrue(log.contains("spark: Spark 4.0.1, master " + cluster.masterUrl()), log);
            assertTrue(log.contains("its executor exited") && Pattern.compile("Starting task 0\\.1 in stage").matcher(log).find(),
                    "Spark ran the lost cell's task again:\n" + log);

            // complete: every cell under its final name, nothing temporary left, one row per cell and arm
            assertEquals("finished", folder.readStatus().state());
            assertEquals(plan.cells().size(), finished(folder, plan));
            try (Stream<Path> cells = Files.list(out.resolve(SweepFolder.CELLS))) {
                assertFalse(cells.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")
                        || p.getFileName().toString().endsWith(".ship")), "no half cell left");
            }
            List<SweepSummary.Row> rows = folder.readSummary();
            assertEquals(plan.cells().size() * 2, rows.size());
            assertEquals(rows.size(), new HashSet<>(rows.stream().map(r -> r.cell() + "/" + r.arm()).toList()).size(),
                    "no duplicated row");
            assertTrue(rows.stream().allMatch(r -> Double.isFinite(r.get("final_val_acc"))));
            // the executors logged through the cluster's log4j, readable in the workers' folders
            List<String> executorLogs = new ArrayList<>();
            try (Stream<Path> s = Files.walk(tmp.resolve("work-2"))) {
                s.filter(p -> p.getFileName().toString().equals("stderr")).forEach(p -> executorLogs.add(read(p)));
            }
            assertTrue(executorLogs.stream().anyMatch(l -> l.contains("CellTask: cell alpha=")
                    || l.contains("cell alpha=")), "the executor's messages: " + executorLogs);
        }
    }

    private static int finished(SweepFolder folder, SweepPlan plan) {
        return (int) plan.cells().stream().filter(c -> Files.isDirectory(folder.cellDir(c.id()))).count();
    }

    /** Lines with {@code text} in the logs of the executors a worker launched (its work folder's stderr files). */
    private static int executorLog(Path workDir, String text) {
        try (Stream<Path> s = Files.walk(workDir)) {
            return s.filter(p -> p.getFileName().toString().equals("stderr"))
                    .mapToInt(p -> StandaloneClusterFixture.count(p, text)).sum();
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // the worker is still creating its folders
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
