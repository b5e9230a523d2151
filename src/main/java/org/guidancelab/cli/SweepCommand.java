package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.PresetEntry;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.figures.ExportFormat;
import org.guidancelab.figures.SweepFigureSource;
import org.guidancelab.platform.ProcessSetup;
import org.guidancelab.session.StopOnShutdown;
import org.guidancelab.sweep.Axis;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellOutcome;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.ClusterBackend;
import org.guidancelab.sweep.ClusterConnection;
import org.guidancelab.sweep.ClusterOptions;
import org.guidancelab.sweep.LocalExecutor;
import org.guidancelab.sweep.SessionCellTrainer;
import org.guidancelab.sweep.SweepCell;
import org.guidancelab.sweep.SweepException;
import org.guidancelab.sweep.SweepExecutor;
import org.guidancelab.sweep.SweepFile;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepJson;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepProblem;
import org.guidancelab.sweep.SweepResult;
import org.guidancelab.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sweep FILE}: runs the cells of a sweep (a grid of settings and seeds over a base experiment) as ordinary run
 * folders under the sweep folder, J at a time, with one progress line; then summary.csv and the figures. Running it
 * again skips finished cells, continues stopped or killed ones and trains failed ones again. Exit code 0 when every
 * chosen cell finished, 1 when some failed, 2 for a bad sweep file or option (one "error:" line per problem), 3 when
 * stopped with Ctrl-C. With {@code --spark} the cells train on Apache Spark (a {@link ClusterBackend} found on the class
 * path: the Spark build's thin jar) while this process keeps the sweep folder as for a local sweep.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run an experiment over a grid of settings and seeds (a sweep file, or a shipped sweep's name): "
                + "each cell an ordinary run folder under the sweep folder, then summary.csv and figures.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP", description = "a sweep JSON file, or a shipped sweep "
            + "(presets/sweeps/NAME.json) by NAME")
    String sweep;

    @Option(names = "--jobs", paramLabel = "J", converter = MinInt.One.class,
            description = "cells at once, each on one compute thread (default: the number of cores)")
    Integer jobs;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderPath.class,
            description = "the sweep folder (default sweeps/NAME)")
    Path out;

    @Option(names = "--steps", paramLabel = "N", converter = MinInt.One.class,
            description = "shorten every cell for a quick try: the base's training steps become N and every other step "
                    + "count (warmups, guide training, axis values counted in steps) scales with it")
    Integer steps;

    @Option(names = "--only", paramLabel = "CELL", description = "only these cells: ids such as warmup=50,seed=2, or "
            + "parts of ids (seed=1: every cell of seed 1); repeat the option or list several ids")
    List<String> only;

    @Option(names = "--plan", description = "print the cells (and what is done) and train nothing")
    boolean planOnly;

    @Option(names = "--no-figures", description = "do not write the figures at the end")
    boolean noFigures;

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
            description = "train the cells on Apache Spark: local[N], spark://HOST:PORT, yarn, ...; with no MASTER, the "
                    + "one spark-submit set. Needs the Spark build (README: Running sweeps on a Spark cluster); "
                    + "--jobs is then the cells in flight (default: Spark's parallelism)")
    String spark;

    @Option(names = "--shared-out", description = "with --spark: the sweep folder is on storage every worker sees at "
            + "the same path, so tasks write their cells there directly (checkpoints included); without it, each task "
            + "ships its finished run folder back to this machine")
    boolean sharedOut;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PresetCatalog catalog;
        SweepFile file;
        try {
            catalog = PresetCatalog.load();
            file = load(catalog);
        } catch (IOException | SpecFormatException e) {
            err.println("error: " + e.getMessage());
            return RunCommand.UNREADABLE;
        }
        SweepPlan plan;
        try {
            plan = SweepPlan.expand(file, catalog, steps);
        } catch (SweepException e) {
            for (SweepProblem p : e.problems()) {
                err.println("error: " + p.describe());
            }
            return RunCommand.UNREADABLE;
        }
        List<SweepCell> chosen;
        try {
            chosen = plan.select(only);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir = out != null ? out : Path.of("sweeps", name(file));
        SweepFolder folder = new SweepFolder(dir);
        if (planOnly) {
            printPlan(o, plan, chosen, folder);
            return RunCommand.OK;
        }
        if (sharedOut && spark == null) {
            throw new ParameterException(spec.commandLine(), "--shared-out goes with --spark");
        }
        ClusterBackend cluster = null;
        if (spark != null) {
            cluster = ClusterBackend.find().orElse(null);
            if (cluster == null) {
                err.println("error: --spark needs Spark on the class path, which this jar leaves out: build the Spark "
                        + "jar and start it as the README says (\"Running sweeps on a Spark cluster\")");
                return RunCommand.UNREADABLE;
            }
            String problem = cluster.checkMaster(spark);
            if (problem != null) {
                throw new ParameterException(spec.commandLine(), "--spark: " + problem);
            }
        }
        // one compute thread per job; a backend that cannot start is reported by FailureHandler
        o.println("backend: " + ProcessSetup.startNative(1).summary());
        ClusterConnection connection = null;
        if (cluster != null) {
            try {
                connection = cluster.connect(new ClusterOptions(spark, "guidance-lab sweep " + name(file), sharedOut,
                        jobs == null ? 0 : jobs));
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return RunCommand.UNREADABLE;
            }
            o.println("spark: " + connection.describe());
        }
        try {
            return train(o, err, file, plan, chosen, dir, folder, connection);
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Trains the chosen cells here ({@code connection} null: --jobs threads) or on the cluster, then reports. */
    private Integer train(PrintWriter o, PrintWriter err, SweepFile file, SweepPlan plan, List<SweepCell> chosen,
                          Path dir, SweepFolder folder, ClusterConnection connection) {
        SweepExecutor executor = connection != null ? connection.executor()
                : new LocalExecutor(jobs != null ? jobs : LocalExecutor.defaultJobs());
        int j = executor.parallelism();
        o.println(String.format(Locale.ROOT, "sweep: %s; %d cells (%s); %d chosen; %d job%s; folder %s",
                file.title().isEmpty() ? name(file) : file.title(), plan.cells().size(), shape(plan), chosen.size(), j,
                j == 1 ? "" : "s", dir.toAbsolutePath().normalize()));
        if (!plan.scaling().isEmpty()) {
            o.println("shortened: " + plan.scaling());
        }
        o.flush();
        CancelSignal cancel = new CancelSignal();
        SweepRunner runner = new SweepRunner(plan, dir, executor,
                connection != null ? connection.trainer() : SessionCellTrainer.forJobs(j));
        SweepProgressLine line = new SweepProgressLine(err);
        SweepResult result;
        try (StopOnShutdown stop = new StopOnShutdown(cancel::cancel)) {
            result = runner.run(chosen, cancel, line);
        } catch (IOException e) {
            line.end();
            err.println("error: " + e.getMessage());
            return RunCommand.UNREADABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            line.end();
            err.println("error: interrupted");
            return RunCommand.STOPPED;
        }
        line.end();
        report(o, result, chosen.size());
        if (!noFigures) {
            writeFigures(o, err, dir);
        }
        o.flush();
        if (result.cancelled()) {
            return RunCommand.STOPPED;
        }
        boolean allChosen = chosen.stream().allMatch(c -> Files.isDirectory(folder.cellDir(c.id())));
        return allChosen ? RunCommand.OK : RunCommand.FAILED;
    }

    private SweepFile load(PresetCatalog catalog) throws IOException, SpecFormatException {
        Path p = Path.of(sweep);
        if (Files.isRegularFile(p)) {
            return SweepJson.read(p);
        }
        String name = sweep.endsWith(".json") ? sweep : sweep + ".json";
        for (String prefix : List.of(PresetCatalog.ROOT + "/" + PresetCatalog.SWEEPS + "/", PresetCatalog.SWEEPS + "/")) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
        }
        PresetEntry e = catalog.find(PresetCatalog.SWEEPS + "/" + name);
        if (e == null) {
            throw new IOException("'" + sweep + "' is neither a file nor a shipped sweep; the shipped sweeps are "
                    + catalog.sweeps().stream().map(x -> x.file().substring(PresetCatalog.SWEEPS.length() + 1)
                    .replace(".json", "")).collect(Collectors.joining(", ")));
        }
        return SweepJson.parse(e.json(), e.label(), null);
    }

    private static String name(SweepFile file) {
        String label = Path.of(file.label()).getFileName().toString();
        return label.endsWith(".json") ? label.substring(0, label.length() - 5) : label;
    }

    private static String shape(SweepPlan plan) {
        StringBuilder s = new StringBuilder();
        for (Axis a : plan.axes()) {
            s.append(a.values().size()).append(' ').append(a.name()).append(" x ");
        }
        return s.append(plan.seeds().size()).append(plan.seeds().size() == 1 ? " seed" : " seeds").toString();
    }

    private static void printPlan(PrintWriter o, SweepPlan plan, List<SweepCell> chosen, SweepFolder folder) {
        o.println("sweep: " + plan.file().title() + "; " + plan.cells().size() + " cells (" + shape(plan) + ")"
                + (plan.scaling().isEmpty() ? "" : "; shortened: " + plan.scaling()));
        for (Axis a : plan.axes()) {
            o.println("axis " + a.name() + " = " + a.path().text() + " (" + a.setting().expects()
                    + (a.setting().inSteps() ? ", in steps" : "") + "): " + String.join(", ", a.labels()));
        }
        o.printf(Locale.ROOT, "%-40s %-9s %10s%n", "cell", "state", "steps");
        for (SweepCell c : chosen) {
            boolean done = Files.isDirectory(folder.cellDir(c.id()));
            boolean started = Files.isDirectory(folder.tmpDir(c.id()));
            o.printf(Locale.ROOT, "%-40s %-9s %10d%n", c.id(), done ? "finished" : started ? "started" : "to run",
                    c.experiment().training().steps());
        }
        o.flush();
    }

    private static void report(PrintWriter o, SweepResult r, int chosen) {
        if (r.nothingToTrain()) {
            o.println("nothing to train: all " + chosen + " chosen cells had finished (" + r.folder() + ")");
        } else {
            long failed = r.failed();
            long stopped = r.outcomes().stream().filter(x -> x.status() == CellStatus.STOPPED).count();
            o.printf(Locale.ROOT, "trained %d cell%s (%d continued a stopped or cut run), %d had finished before; "
                            + "%d failed, %d stopped, in %s%n", r.trained(), r.trained() == 1 ? "" : "s", r.resumed(),
                    r.finishedBefore(), failed, stopped, ProgressLine.duration(r.seconds()));
            for (CellOutcome c : r.outcomes()) {
                if (c.status() == CellStatus.FAILED) {
                    o.println("  failed: " + c.cell().id() + ": " + c.message());
                }
            }
        }
        o.printf(Locale.ROOT, "cells: %d of %d finished%n", r.counts().finished(), r.counts().cells());
        o.println("summary: " + r.folder().resolve(SweepFolder.SUMMARY));
    }

    private static void writeFigures(PrintWriter o, PrintWriter err, Path dir) {
        try {
            ProcessSetup.headlessGraphics();
            List<Path> written = SweepFigureSource.write(dir, dir.resolve(SweepFolder.FIGURES), ExportFormat.PNG, 2.0, null);
            if (!written.isEmpty()) {
                o.println("figures: " + dir.resolve(SweepFolder.FIGURES) + " (" + written.size() / 2 + " figures)");
            }
        } catch (IOException | RuntimeException e) {
            err.println("warning: the figures could not be written: " + e.getMessage());
        }
    }
}
