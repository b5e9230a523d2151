package org.guidancelab.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.PresetEntry;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.experiment.SpecProblem;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.session.DataSource;
import org.guidancelab.session.RunFolder;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.RunSummary;
import org.guidancelab.session.SessionOptions;
import org.guidancelab.session.SetupFailure;

/**
 * Runs each (finding, seed) as an ordinary run folder {@code <out>/runs/<finding>-seed<k>}, through the same
 * {@link RunSession} as the {@code run} command. Seed k trains with the preset's training seed + k - 1 (initialisation
 * and batch order vary); the dataset (its own seed) stays fixed and is loaded once per finding.
 *
 * <p>With {@code jobs > 1} runs go to a pool of threads in this JVM, each run single-threaded (ND4J's thread setting is
 * process-wide and is 1 for all). A folder that already holds the same experiment finished is reused, so a reproduce
 * stopped with Ctrl-C continues where it was; an unfinished one is trained again from the start.
 */
public final class ReproduceRunner {
    /** The folder of run folders under --out. */
    public static final String RUNS = "runs";

    private final ReproduceSettings settings;
    private final PrintWriter progress;
    private final Set<RunSession> active = ConcurrentHashMap.newKeySet();
    private final org.guidancelab.sweep.CancelSignal curveCancel = new org.guidancelab.sweep.CancelSignal();
    private final List<FindingSweep.Run> sweeps = new ArrayList<>();
    /** Every seed of a finding trains on the same data, loaded once. */
    private final SessionOptions options = SessionOptions.defaults().withData(DataSource.cached(DataSource.factory()));
    private volatile boolean cancelled;

    public ReproduceRunner(ReproduceSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Stops the runs under way between steps (they checkpoint) and starts no more. */
    public void cancel() {
        cancelled = true;
        active.forEach(RunSession::cancel);
        curveCancel.cancel();
    }

    /** The sweeps of the findings that have them (curves, grids), as the last {@link #run} left them. */
    public List<FindingSweep.Run> sweeps() {
        return List.copyOf(sweeps);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public static Path runDir(Path out, Finding f, int seed) {
        return out.resolve(RUNS).resolve(f.id() + "-seed" + seed);
    }

    /** The experiment of (finding, seed) as it is run: the preset, scaled by the step divisor, with the seed's offset. */
    public static ExperimentSpec experiment(ExperimentSpec preset, ReproduceSettings settings, int seed) {
        ExperimentSpec scaled = settings.testScale().apply(StepScale.divide(preset, settings.stepDivisor()));
        return scaled.withTraining(scaled.training().withSeed(preset.training().seed() + seed - 1));
    }

    /** Loads a finding's preset from the catalog (the working directory's presets/ folder, else the packaged ones). */
    public static ExperimentSpec preset(PresetCatalog catalog, Finding f) throws IOException {
        PresetEntry e = catalog.find(f.preset());
        if (e == null) {
            throw new IOException("finding " + f.id() + ": no preset " + f.preset() + " in the catalog");
        }
        try {
            return PresetCatalog.experiment(e);
        } catch (SpecFormatException ex) {
            throw new IOException("finding " + f.id() + ": preset " + f.preset() + ": " + ex.getMessage(), ex);
        }
    }

    /** Runs every (finding, seed) and returns how each ended, in finding then seed order. */
    public List<SeedRun> run(List<Finding> findings, PresetCatalog catalog) throws InterruptedException {
        List<Job> jobs = new ArrayList<>();
        List<SeedRun> early = new ArrayList<>();
        for (Finding f : findings) {
            ExperimentSpec preset;
            try {
                preset = preset(catalog, f);
                // Checked once per finding, which also loads the data every seed then trains on.
                Optional<SetupFailure> refused = RunSession.check(experiment(preset, settings, 1), options);
                if (refused.isPresent()) {
                    throw new IOException(refused.get().problems().isEmpty() ? refused.get().detail()
                            : "preset " + f.preset() + " has problems: " + refused.get().problems().stream()
                                    .map(SpecProblem::describe).collect(Collectors.joining("; ")));
                }
            } catch (IOException | RuntimeException e) {
                for (int s = 1; s <= settings.seeds(); s++) {
                    early.add(new SeedRun(f, s, runDir(settings.out(), f, s), "not run", e.getMessage(), false, 0));
                }
                continue;
            }
            for (int s = 1; s <= settings.seeds(); s++) {
                jobs.add(new Job(f, s, experiment(preset, settings, s)));
            }
        }
        List<SeedRun> out = new ArrayList<>(early);
        ExecutorService pool = Executors.newFixedThreadPool(settings.jobs(), r -> {
            Thread t = new Thread(r, "reproduce-job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SeedRun>> futures = new ArrayList<>();
            for (Job j : jobs) {
                futures.add(pool.submit(() -> runOne(j)));
            }
            for (Future<SeedRun> fu : futures) {
                try {
                    out.add(fu.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // The findings' sweeps (curves, grids) after their seed runs, J cells at a time.
        sweeps.clear();
        for (Finding f : findings) {
            if (f.curveSweep() != null) {
                sweeps.add(WarmupCurve.run(f, catalog, settings, curveCancel, progress));
            }
            if (f.gridSweep() != null) {
                sweeps.add(StrengthGrid.run(f, catalog, settings, curveCancel, progress));
            }
        }
        List<String> order = findings.stream().map(Finding::id).toList();
        out.sort(Comparator.<SeedRun>comparingInt(r -> order.indexOf(r.finding().id())).thenComparingInt(SeedRun::seed));
        return out;
    }

    private SeedRun runOne(Job j) {
        Path dir = runDir(settings.out(), j.finding, j.seed);
        if (cancelled) {
            return new SeedRun(j.finding, j.seed, dir, "not run", "stopped before it started", false, 0);
        }
        try {
            if (Files.exists(dir)) {
                SeedRun kept = settings.reportOnly() ? finishedRun(j, dir) : reuse(j, dir);
                if (kept != null) {
                    return kept;
                }
            }
            if (settings.reportOnly()) {
                return new SeedRun(j.finding, j.seed, dir, "not run", "no finished run in " + dir
                        + " (--report-only trains nothing)", false, 0);
            }
            long began = System.nanoTime();
            RunSession session = RunSession.fresh(j.exp, RunFolder.exactly(dir), options);
            session.addListener(new ProgressLog(progress, j.finding, j.seed));
            active.add(session);
            RunSummary summary;
            try {
                if (cancelled) {
                    session.cancel();
                }
                summary = session.run();
            } finally {
                active.remove(session);
            }
            if (summary.setupFailure() != null) {
                return new SeedRun(j.finding, j.seed, dir, "failed", summary.setupFailure().detail(), false, 0);
            }
            return new SeedRun(j.finding, j.seed, dir, summary.status().jsonName(), "", false,
                    (System.nanoTime() - began) / 1e9);
        } catch (IOException | RuntimeException e) {
            return new SeedRun(j.finding, j.seed, dir, "failed", String.valueOf(e.getMessage()), false, 0);
        }
    }

    /** --report-only: the finished run in dir if it holds this experiment, else null (the folder is left as it is). */
    private SeedRun finishedRun(Job j, Path dir) throws IOException {
        RunRecord r = RunReader.read(dir);
        boolean same = ExperimentJson.write(r.experiment()).equals(ExperimentJson.write(j.exp));
        return same && r.status().status() == RunStatus.FINISHED
                ? new SeedRun(j.finding, j.seed, dir, "finished", "", true, 0) : null;
    }

    /** The finished run already in dir (same experiment), or null after clearing an unfinished one. */
    private SeedRun reuse(Job j, Path dir) throws IOException {
        RunRecord r = RunReader.read(dir);
        // Compared as written JSON: what the folder holds is what experiment.json says, whatever number types parse to.
        if (!ExperimentJson.write(r.experiment()).equals(ExperimentJson.write(j.exp))) {
            throw new IOException(dir + " holds a different experiment (other --quick or preset?): choose another --out");
        }
        if (r.status().status() == RunStatus.FINISHED) {
            return new SeedRun(j.finding, j.seed, dir, "finished", "", true, 0);
        }
        deleteTree(dir);
        return null;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Job(Finding finding, int seed, ExperimentSpec exp) {
    }
}
