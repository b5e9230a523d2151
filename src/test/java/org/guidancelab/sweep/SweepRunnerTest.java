package org.guidancelab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.guidancelab.figures.SweepFigureSource;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.figures.ExportFormat;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep runner end to end on tiny experiments, in this JVM: cells as run folders renamed when finished,
 * summary.csv with a row per cell and arm, a rerun that trains nothing, --only, a stop and its resume, a failed cell
 * trained again, and a cell's metrics that depend neither on the number of jobs nor on the other cells.
 */
class SweepRunnerTest {
    static final String WARMUP = "  \"axes\": [{\"path\": \"arms[guided].warmup\", \"values\": [0, 20, 40]}],\n  \"seeds\": 2";

    @TempDir
    Path tmp;

    @BeforeAll
    static void oneThread() {
        ComputeThreads.set(1);
    }

    static CellTrainer trainer() {
        return new SessionCellTrainer(org.guidancelab.session.SessionOptions.defaults().withTrainer(TrainerOptions.defaults().withProbeSize(64)));
    }

    private SweepPlan plan(String body, int steps) throws Exception {
        return SweepFixtures.plan(SweepFixtures.writeSweep(tmp.resolve("files"), "s.json", steps, body));
    }

    private static SweepResult run(SweepPlan plan, Path dir, int jobs, List<String> only) throws Exception {
        return new SweepRunner(plan, dir, new LocalExecutor(jobs), trainer()).run(plan.select(only), new CancelSignal(),
                new SweepProgress() { });
    }

    @Test
    void aSweepRunsEveryCellIntoItsFolderAndSummarisesOneRowPerCellAndArm() throws Exception {
        SweepPlan plan = plan(WARMUP, 40);
        Path dir = tmp.resolve("sweep");
        SweepResult r = run(plan, dir, 2, List.of());
        assertTrue(r.complete(), r.toString());
        assertEquals(6, r.trained());
        SweepFolder folder = new SweepFolder(dir);
        for (SweepCell c : plan.cells()) {
            RunRecord rec = RunReader.read(folder.cellDir(c.id()));
            assertEquals(RunStatus.FINISHED, rec.status().status(), c.id());
            assertEquals(c.experiment(), rec.experiment(), "each cell is an ordinary run of its experiment");
            assertFalse(Files.exists(folder.tmpDir(c.id())), "no temporary folder is left");
        }
        List<String> lines = Files.readAllLines(dir.resolve(SweepFolder.SUMMARY));
        assertEquals("warmup,seed,cell,arm,folder,status,final_val_acc,best_val_acc,final_val_loss,best_val_loss,"
                + "final_train_loss,mean_pair_cka,task_seconds", lines.get(0));
        List<SweepSummary.Row> rows = folder.readSummary();
        assertEquals(12, rows.size(), "6 cells x 2 arms");
        SweepSummary.Row row = rows.stream().filter(x -> x.cell().equals("warmup=20,seed=2") && x.arm().equals("guided"))
                .findFirst().orElseThrow();
        assertEquals("20", row.axes().get("warmup"));
        assertEquals(2, row.seed());
        assertEquals("cells/warmup=20,seed=2", row.folder());
        assertEquals(CellStatus.FINISHED, row.status());
        RunRecord rec = RunReader.read(folder.cellDir("warmup=20,seed=2"));
        MetricRow last = rec.lastTaskRow("guided");
        assertEquals(last.get(Metrics.VAL_ACCURACY), row.get("final_val_acc"));
        assertEquals(last.get(Metrics.VAL_LOSS), row.get("final_val_loss"));
        assertEquals(last.get(Metrics.TASK_LOSS), row.get("final_train_loss"));
        double best = rec.taskRows("guided").stream().mapToDouble(m -> m.get(Metrics.VAL_ACCURACY)).filter(v -> !Double.isNaN(v))
                .max().orElseThrow();
        assertEquals(best, row.get("best_val_acc"));
        assertTrue(row.get("mean_pair_cka") > 0 && row.get("mean_pair_cka") <= 1, "mean pair CKA " + row.get("mean_pair_cka"));
        assertTrue(row.get("task_seconds") > 0);
        for (SweepSummary.Row x : rows) {
            for (String m : SweepSummary.METRICS) {
                assertFalse(Double.isNaN(x.get(m)), x.cell() + " " + x.arm() + " " + m);
            }
        }
        SweepStatus status = folder.readStatus();
        assertEquals("finished", status.state());
        assertEquals(6, status.count(CellStatus.FINISHED));
        PlanRecord p = folder.readPlan();
        assertEquals(List.of("0", "20", "40"), p.axes().get(0).labels());
        assertEquals(6, p.cells().size());
        assertTrue(Files.readString(dir.resolve(SweepFolder.SWEEP)).contains("arms[guided].warmup"), "a copy of the file");

        System.setProperty("java.awt.headless", "true");
        List<Path> figures = SweepFigureSource.write(dir, dir.resolve("figures"), ExportFormat.PNG, 1.0, null);
        assertTrue(figures.stream().anyMatch(f -> f.getFileName().toString().equals("sweep_final_val_acc-vs-warmup.png")),
                figures.toString());
        String csv = Files.readString(dir.resolve("figures").resolve("sweep_final_val_acc-vs-warmup.csv"));
        assertTrue(csv.startsWith("panel,series,x,value,low,high\n"), csv);
        assertEquals(1 + 2 * 3, csv.split("\n").length, "two arms x three warmups: " + csv);
    }

    @Test
    void runningAFinishedSweepAgainTrainsNothing() throws Exception {
        SweepPlan plan = plan(WARMUP, 40);
        Path dir = tmp.resolve("sweep");
        assertTrue(run(plan, dir, 2, List.of()).complete());
        Map<String, String> before = snapshot(dir.resolve(SweepFolder.CELLS));
        AtomicInteger cellsStarted = new AtomicInteger();
        SweepResult again = new SweepRunner(plan, dir, new LocalExecutor(2), (cell, folder, cancel, l) -> {
            cellsStarted.incrementAndGet();
            return CellResult.failed("must not train");
        }).run(plan.cells(), new CancelSignal(), new SweepProgress() { });
        assertTrue(again.nothingToTrain());
        assertEquals(6, again.finishedBefore());
        assertEquals(0, cellsStarted.get());
        assertEquals(before, snapshot(dir.resolve(SweepFolder.CELLS)), "no cell folder was touched");
        assertEquals("finished", new SweepFolder(dir).readStatus().state());
        assertEquals(12, new SweepFolder(dir).readSummary().size());
    }

    @Test
    void onlyRunsTheChosenCellsAndTheNextRunTheRest() throws Exception {
        SweepPlan plan = plan(WARMUP, 40);
        Path dir = tmp.resolve("sweep");
        SweepResult first = run(plan, dir, 2, List.of("warmup=40,seed=1", "seed=2,warmup=0"));
        assertEquals(List.of("warmup=0,seed=2", "warmup=40,seed=1"),
                first.outcomes().stream().map(o -> o.cell().id()).sorted().toList());
        assertFalse(first.complete());
        SweepFolder folder = new SweepFolder(dir);
        assertEquals("incomplete", folder.readStatus().state());
        List<SweepSummary.Row> rows = folder.readSummary();
        assertEquals(12, rows.size(), "every cell has its rows, the pending ones without numbers");
        assertEquals(4, rows.stream().filter(x -> x.status() == CellStatus.FINISHED).count());
        assertTrue(rows.stream().filter(x -> x.status() == CellStatus.PENDING).allMatch(x -> Double.isNaN(x.get("final_val_acc"))));
        SweepResult rest = run(plan, dir, 2, List.of());
        assertEquals(2, rest.finishedBefore());
        assertEquals(4, rest.trained());
        assertTrue(rest.complete());
    }

    @Test
    void aCellsMetricsDependNeitherOnTheJobsNorOnTheOtherCells() throws Exception {
        SweepPlan plan = plan(WARMUP, 40);
        Path alone = tmp.resolve("alone");
        Path together = tmp.resolve("together");
        run(plan, alone, 1, List.of("warmup=20,seed=2"));
        run(plan, together, 2, List.of());
        SweepFolder a = new SweepFolder(alone);
        SweepFolder b = new SweepFolder(together);
        assertEquals(comparable(a.cellDir("warmup=20,seed=2")), comparable(b.cellDir("warmup=20,seed=2")));
        assertFalse(comparable(b.cellDir("warmup=20,seed=1")).equals(comparable(b.cellDir("warmup=20,seed=2"))),
                "seeds differ");
    }

    @Test
    void aStoppedSweepContinuesItsStoppedCellsWhereTheyWere() throws Exception {
        SweepPlan plan = plan("  \"axes\": [{\"path\": \"arms[guided].warmup\", \"values\": [0, 150]}],\n"
                + "  \"set\": {\"training.checkpointInterval\": 25}", 300);
        Path dir = tmp.resolve("sweep");
        CancelSignal cancel = new CancelSignal();
        CellTrainer stopping = (cell, folder, c, listener) -> trainer().train(cell, folder, c, e -> {
            listener.onEvent(e);
            if (e instanceof TrainingEvent.Step s && s.arm().equals("guided") && s.phase() == Phase.TASK && s.step() == 60) {
                cancel.cancel(); // Ctrl-C in the second arm of the first cell
            }
        });
        SweepResult stopped = new SweepRunner(plan, dir, new LocalExecutor(1), stopping).run(plan.cells(), cancel,
                new SweepProgress() { });
        assertTrue(stopped.cancelled());
        SweepFolder folder = new SweepFolder(dir);
        assertEquals("stopped", folder.readStatus().state());
        String first = stopped.outcomes().get(0).cell().id();
        assertEquals(CellStatus.STOPPED, stopped.outcomes().get(0).status());
        assertEquals(CellStatus.PENDING, stopped.outcomes().get(1).status(), "not started after the stop");
        RunRecord cut = RunReader.read(folder.tmpDir(first));
        assertEquals(RunStatus.STOPPED, cut.status().status());
        assertEquals(60, cut.checkpoints().get("guided").step());

        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        SweepResult resumed = new SweepRunner(plan, dir, new LocalExecutor(1), trainer()).run(plan.cells(),
                new CancelSignal(), new SweepProgress() {
                    @Override
                    public void note(SweepCell cell, String text) {
                        notes.add(cell.id() + ": " + text);
                    }
                });
        assertTrue(resumed.complete());
        assertEquals(1, resumed.resumed());
        assertTrue(notes.contains(first + ": arm guided continues after step 60"), notes.toString());
        Path reference = tmp.resolve("reference");
        run(plan, reference, 1, List.of(first));
        assertEquals(comparable(new SweepFolder(reference).cellDir(first)), comparable(folder.cellDir(first)),
                "the resumed cell equals an uninterrupted one");
    }

    @Test
    void aFailedCellIsReportedAndTrainedAgainNextTime() throws Exception {
        SweepPlan plan = plan("  \"axes\": [{\"name\": \"lr\", \"path\": \"training.learningRate\", \"values\": [0.01, 1e30]}]", 20);
        Path dir = tmp.resolve("sweep");
        SweepResult r = run(plan, dir, 2, List.of());
        CellOutcome bad = r.outcomes().stream().filter(o -> o.cell().id().equals("lr=1e30,seed=1")).findFirst().orElseThrow();
        assertEquals(CellStatus.FAILED, bad.status());
        assertFalse(bad.message().isBlank());
        SweepFolder folder = new SweepFolder(dir);
        assertTrue(Files.isDirectory(folder.tmpDir("lr=1e30,seed=1")), "a failed cell keeps its folder to look at");
        assertFalse(Files.exists(folder.cellDir("lr=1e30,seed=1")), "and is never counted as finished");
        assertEquals("incomplete", folder.readStatus().state());
        assertEquals(CellStatus.FAILED, folder.readStatus().cells().get("lr=1e30,seed=1").status());
        assertTrue(folder.readSummary().stream().filter(x -> x.cell().equals("lr=1e30,seed=1"))
                .allMatch(x -> x.status() == CellStatus.FAILED && x.folder().equals("cells/.lr=1e30,seed=1.tmp")));
        SweepResult again = run(plan, dir, 2, List.of());
        assertEquals(1, again.finishedBefore());
        assertEquals(1, again.outcomes().size(), "only the failed cell");
        assertTrue(again.outcomes().get(0).trained());
    }

    @Test
    void aCellHeldByAnotherRunnerIsLeftToIt() throws Exception {
        SweepPlan plan = plan(WARMUP, 40);
        SweepFolder folder = new SweepFolder(tmp.resolve("sweep"));
        Files.createDirectories(folder.dir().resolve(SweepFolder.CELLS));
        SweepCell cell = plan.cells().get(0);
        try (SweepFolder.CellLock held = folder.lock(cell.id())) {
            assertNotNull(held);
            CellOutcome o = CellRun.run(folder, cell, trainer(), new CancelSignal(), e -> { }, n -> { });
            assertEquals(CellStatus.PENDING, o.status());
            assertEquals("another process is training it", o.message());
        }
        CellOutcome o = CellRun.run(folder, cell, trainer(), new CancelSignal(), e -> { }, n -> { });
        assertEquals(CellStatus.FINISHED, o.status());
        CellOutcome twice = CellRun.run(folder, cell, trainer(), new CancelSignal(), e -> { }, n -> { });
        assertEquals(CellStatus.FINISHED, twice.status());
        assertFalse(twice.trained(), "running a finished cell again is harmless");
    }

    /** Every metrics row of a run without its timing column, by arm, phase and step. */
    static Map<String, String> comparable(Path run) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (MetricRow r : RunReader.read(run).metrics()) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(r.metrics()).forEach((k, v) -> {
                if (!Metrics.isTiming(k)) {
                    sb.append(k).append('=').append(v).append(';');
                }
            });
            out.put(r.arm() + "/" + r.phase() + "/" + String.format("%06d", r.step()), sb.toString());
        }
        return out;
    }

    /** Every file under dir with its size and modification time. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                FileTime t = Files.getLastModifiedTime(p);
                out.put(dir.relativize(p).toString(), Files.size(p) + "@" + t.toMillis());
            }
        }
        return out;
    }

    static TrainingListener none() {
        return e -> { };
    }

    static String statusOf(Path run) throws IOException {
        return Files.readString(run.resolve(RunFiles.STATUS));
    }
}
