package org.guidancelab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;

/**
 * Runs a sweep's cells into a sweep folder ({@link SweepFolder}) through an executor, and keeps the folder readable as
 * it goes: plan.json first, then status.json and summary.csv rewritten atomically at each change.
 *
 * <p>Running the same sweep again skips its finished cells (nothing is trained when all have finished), continues the
 * stopped ones and those a kill cut short, and trains the failed ones again. Cells are started longest first (by
 * their estimated cost), so the last cells to finish are short ones. Each cell is its own seeded experiment: its
 * metrics depend neither on how many run at once nor on which others ran.
 */
public final class SweepRunner {
    private static final long CHANGE_NANOS = 250_000_000L;

    private final SweepPlan plan;
    private final SweepFolder folder;
    private final SweepExecutor executor;
    private final CellTrainer trainer;
    private final List<String> arms;
    private final Map<String, SweepStatus.CellState> states = new LinkedHashMap<>();
    private final Map<String, List<SweepSummary.Row>> rows = new LinkedHashMap<>();
    private final Map<String, Double> fraction = new ConcurrentHashMap<>();
    private double costToRun;
    private long began;
    private volatile long lastChange;
    private volatile String state = "running";

    public SweepRunner(SweepPlan plan, Path dir, SweepExecutor executor, CellTrainer trainer) {
        this.plan = plan;
        this.folder = new SweepFolder(dir);
        this.executor = executor;
        this.trainer = trainer;
        this.arms = plan.base().arms().stream().map(ArmSpec::name).toList();
    }

    public SweepFolder folder() {
        return folder;
    }

    /**
     * Trains the selected cells not finished yet ({@code selected}: {@link SweepPlan#select}; all when null).
     *
     * @throws IOException when the folder cannot be written, or holds a finished cell of another experiment (another
     *                     sweep file or another --steps in the same folder)
     */
    public SweepResult run(List<SweepCell> selected, CancelSignal cancel, SweepProgress progress)
            throws IOException, InterruptedException {
        began = System.nanoTime();
        List<SweepCell> chosen = selected == null ? plan.cells() : selected;
        folder.create();
        checkFinishedCells();
        folder.writeSweepFile(plan.file().text());
        folder.writePlan(plan);
        for (SweepCell c : plan.cells()) {
            states.put(c.id(), found(c));
            rows.put(c.id(), rowsOf(c));
        }
        List<SweepCell> toRun = new ArrayList<>();
        for (SweepCell c : chosen) {
            if (states.get(c.id()).status() != CellStatus.FINISHED) {
                toRun.add(c);
            }
        }
        toRun.sort(Comparator.comparingDouble(SweepCell::cost).reversed()); // stable: plan order among equals
        int finishedBefore = chosen.size() - toRun.size();
        double[] perStep = toRun.stream().mapToDouble(c -> c.cost() / Math.max(1, steps(c))).sorted().toArray();
        medianStepCost = perStep.length == 0 ? 1 : Math.max(1e-9, perStep[perStep.length / 2]);
        costToRun = toRun.stream().mapToDouble(this::work).sum();
        progress.started(plan, toRun, finishedBefore);
        if (toRun.isEmpty()) {
            state = endState(false);
            writeAll();
            return new SweepResult(folder.dir(), List.of(), finishedBefore, counts(), false, seconds());
        }
        writeAll();
        List<CellJob> jobs = toRun.stream().map(c -> new CellJob(folder.dir(), c)).toList();
        List<CellOutcome> outcomes = executor.execute(jobs, (job, c) -> runCell(job.cell(), c, progress), cancel);
        state = endState(cancel.isCancelled());
        writeAll();
        progress.changed(counts());
        return new SweepResult(folder.dir(), outcomes, finishedBefore, counts(), cancel.isCancelled(), seconds());
    }

    private double seconds() {
        return (System.nanoTime() - began) / 1e9;
    }

    private String endState(boolean cancelled) {
        if (states.values().stream().allMatch(s -> s.status() == CellStatus.FINISHED)) {
            return "finished";
        }
        return cancelled ? "stopped" : "incomplete";
    }

    /** A finished cell folder must hold this sweep's experiment for the cell. */
    private void checkFinishedCells() throws IOException {
        for (SweepCell c : plan.cells()) {
            Path done = folder.cellDir(c.id());
            if (!Files.isDirectory(done)) {
                continue;
            }
            RunRecord r = RunReader.read(done);
            if (!ExperimentJson.write(r.experiment()).equals(ExperimentJson.write(c.experiment()))) {
                throw new IOException(done + " holds a different experiment than this sweep's cell " + c.id()
                        + " (another sweep file, or another --steps?): choose another --out");
            }
        }
    }

    /** A cell's state as its folders show it before this invocation. */
    private SweepStatus.CellState found(SweepCell c) {
        String rel = folder.relativeRunFolder(c.id());
        if (Files.isDirectory(folder.cellDir(c.id()))) {
            return new SweepStatus.CellState(CellStatus.FINISHED, rel, "");
        }
        if (rel != null) {
            try {
                RunRecord r = RunReader.read(folder.tmpDir(c.id()));
                RunStatus s = r.status().status();
                if (s == RunStatus.FAILED) {
                    return new SweepStatus.CellState(CellStatus.FAILED, rel, r.status().message());
                }
                return new SweepStatus.CellState(CellStatus.STOPPED, rel, s == RunStatus.RUNNING ? "cut short" : "stopped");
            } catch (IOException | RuntimeException e) {
                return new SweepStatus.CellState(CellStatus.PENDING, null, "");
            }
        }
        return new SweepStatus.CellState(CellStatus.PENDING, null, "");
    }

    private List<SweepSummary.Row> rowsOf(SweepCell c) {
        SweepStatus.CellState s = states.get(c.id());
        Map<String, String> axes = new LinkedHashMap<>();
        c.values().forEach((k, v) -> axes.put(k, v.label()));
        Path dir = s.folder() == null || s.status() == CellStatus.RUNNING ? null : folder.dir().resolve(s.folder());
        try {
            return SweepSummary.rows(axes, c.seed(), c.id(), arms, s.folder(), dir, s.status());
        } catch (IOException | RuntimeException e) {
            try {
                return SweepSummary.rows(axes, c.seed(), c.id(), arms, s.folder(), null, s.status());
            } catch (IOException never) {
                return List.of();
            }
        }
    }

    /** The work of one job: the cell's life in the folder, with the sweep's files and progress kept up to date. */
    private CellOutcome runCell(SweepCell cell, CancelSignal cancel, SweepProgress progress) {
        if (cancel.isCancelled()) {
            return CellOutcome.notStarted(cell, null, "stopped before it started");
        }
        synchronized (this) {
            states.put(cell.id(), new SweepStatus.CellState(CellStatus.RUNNING, SweepFolder.CELLS + "/." + cell.id()
                    + SweepFolder.TMP, ""));
            rows.put(cell.id(), rowsOf(cell));
            writeQuietly();
        }
        progress.cellStarted(cell);
        progress.changed(counts());
        fraction.put(cell.id(), 0.0);
        CellOutcome o = CellRun.run(folder, cell, trainer, cancel, stepCounter(cell, progress),
                note -> progress.note(cell, note));
        fraction.remove(cell.id());
        synchronized (this) {
            CellStatus s = o.status() == CellStatus.PENDING ? previousOr(cell) : o.status();
            String rel = folder.relativeRunFolder(cell.id());
            states.put(cell.id(), new SweepStatus.CellState(s, rel, o.message()));
            if (o.status() == CellStatus.FINISHED && o.trained()) {
                doneCost += work(cell);
            }
            rows.put(cell.id(), rowsOf(cell));
            writeQuietly();
        }
        progress.cellEnded(o);
        progress.changed(counts());
        return o;
    }

    private double doneCost;
    private double medianStepCost = 1;

    /** A cell's training steps (task steps of every arm, guide training and noise pre-phases). */
    private static double steps(SweepCell c) {
        return c.experiment().arms().stream().mapToDouble(a -> c.experiment().training().steps()
                + Math.max(0, a.guideTrainSteps()) + Math.max(0, a.noisePrephaseSteps())).sum();
    }

    /**
     * A cell's share of the work, for the ETA: its steps, each counted as a fixed overhead plus its compute relative to
     * the sweep's median step (on the lab's small networks a step's overhead weighs about as much as its FLOPs, so
     * neither steps nor FLOPs alone predict the time).
     */
    private double work(SweepCell c) {
        double n = steps(c);
        return n + c.cost() / medianStepCost;
    }

    private CellStatus previousOr(SweepCell cell) {
        return folder.relativeRunFolder(cell.id()) == null ? CellStatus.PENDING : CellStatus.STOPPED;
    }

    /** Counts a cell's steps for the ETA and tells the progress a few times a second. */
    private TrainingListener stepCounter(SweepCell cell, SweepProgress progress) {
        double total = Math.max(1, steps(cell));
        Map<String, Integer> perArm = new HashMap<>();
        return e -> {
            if (e instanceof TrainingEvent.Step s) {
                perArm.merge(s.arm(), 1, Integer::sum);
                double done = perArm.values().stream().mapToInt(Integer::intValue).sum();
                fraction.put(cell.id(), Math.min(1.0, done / total));
                long now = System.nanoTime();
                if (now - lastChange >= CHANGE_NANOS) {
                    lastChange = now;
                    progress.changed(counts());
                }
            }
        };
    }

    /** The counts now, with the ETA from the cost trained so far in this invocation. */
    public synchronized SweepCounts counts() {
        int fin = 0;
        int run = 0;
        int failed = 0;
        int stopped = 0;
        int pending = 0;
        for (SweepStatus.CellState s : states.values()) {
            switch (s.status()) {
                case FINISHED -> fin++;
                case RUNNING -> run++;
                case FAILED -> failed++;
                case STOPPED -> stopped++;
                default -> pending++;
            }
        }
        double partial = 0;
        for (Map.Entry<String, Double> e : fraction.entrySet()) {
            SweepCell c = plan.cell(e.getKey());
            if (c != null) {
                partial += work(c) * e.getValue();
            }
        }
        double done = doneCost + partial;
        double elapsed = (System.nanoTime() - began) / 1e9;
        // no estimate from the first few steps (JIT warm-up, data loading): wait for 2% of the work or 10 seconds
        boolean measured = done > 0 && costToRun > 0 && (done >= 0.02 * costToRun || elapsed >= 10);
        double eta = measured ? elapsed * Math.max(0, costToRun - done) / done : Double.NaN;
        if (run == 0 && Double.isFinite(eta) && done >= costToRun) {
            eta = 0;
        }
        return new SweepCounts(states.size(), fin, run, failed, stopped, pending, eta);
    }

    private void writeQuietly() {
        try {
            writeAll();
        } catch (IOException e) {
            // the next change writes again; a folder that cannot be written fails the cells themselves
        }
    }

    private synchronized void writeAll() throws IOException {
        List<SweepSummary.Row> all = new ArrayList<>();
        rows.values().forEach(all::addAll);
        org.guidancelab.runs.RunFiles.writeAtomically(folder.dir().resolve(SweepFolder.SUMMARY),
                SweepSummary.csv(plan.axes().stream().map(Axis::name).toList(), all));
        SweepCounts c = counts();
        folder.writeStatus(new SweepStatus(state, "", states, c.etaSeconds(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }
}
