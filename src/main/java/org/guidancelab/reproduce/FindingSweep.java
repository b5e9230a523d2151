package org.guidancelab.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.PresetEntry;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellOutcome;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.LocalExecutor;
import org.guidancelab.sweep.SessionCellTrainer;
import org.guidancelab.sweep.SweepCell;
import org.guidancelab.sweep.SweepException;
import org.guidancelab.sweep.SweepFile;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepJson;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepProgress;
import org.guidancelab.sweep.SweepResult;
import org.guidancelab.sweep.SweepRunner;
import org.guidancelab.sweep.SweepSummary;

/**
 * A sweep a finding runs besides its seed runs (the warmup curve, the wide-FCN grid): the catalog's sweep file with
 * the reproduce's seeds (1..N) and step scale, run into {@code <out>/sweeps/<name>/} J cells at a time. Finished cells
 * of an earlier invocation are kept, so a stopped reproduce continues where it was.
 */
public final class FindingSweep {
    public static final String DIR = "sweeps";

    private FindingSweep() {
    }

    /** How a finding's sweep ran in this invocation; {@code problem} is blank when it could run. */
    public record Run(Finding finding, String name, Path dir, SweepPlan plan, String problem, double seconds,
                      long trained) {
    }

    /** The folder of a finding's sweep called {@code name}: {@code <out>/sweeps/<name>}. */
    public static Path dir(Path out, String name) {
        return out.resolve(DIR).resolve(name);
    }

    /** The sweep's plan for these settings: the catalog's sweep with seeds 1..N and the reproduce's step scale. */
    public static SweepPlan plan(Finding f, String sweepFile, PresetCatalog catalog, ReproduceSettings settings)
            throws IOException {
        PresetEntry e = catalog.find(sweepFile);
        if (e == null) {
            throw new IOException("finding " + f.id() + ": no sweep " + sweepFile + " in the catalog");
        }
        try {
            SweepFile file = SweepJson.parse(e.json(), e.label(), null);
            List<Integer> seeds = IntStream.rangeClosed(1, settings.seeds()).boxed().toList();
            SweepFile withSeeds = new SweepFile(file.title(), file.description(), file.base(), file.set(), file.axes(),
                    seeds, file.metric(), file.file(), file.text(), file.source());
            return SweepPlan.expand(withSeeds, catalog, null,
                    x -> settings.testScale().apply(StepScale.divide(x, settings.stepDivisor())),
                    settings.quick() ? "every step count divided by " + settings.stepDivisor() : "");
        } catch (SpecFormatException | SweepException ex) {
            throw new IOException(ex.getMessage(), ex);
        }
    }

    /**
     * Runs the sweep's cells not finished yet (none with --report-only), J at a time; its progress lines start with
     * {@code label}.
     */
    static Run run(Finding f, String name, String label, String sweepFile, PresetCatalog catalog,
                   ReproduceSettings settings, CancelSignal cancel, PrintWriter progress) {
        Path dir = dir(settings.out(), name);
        SweepPlan plan;
        try {
            plan = plan(f, sweepFile, catalog, settings);
        } catch (IOException e) {
            return new Run(f, name, dir, null, e.getMessage(), 0, 0);
        }
        if (settings.reportOnly()) {
            return new Run(f, name, dir, plan, "", 0, 0);
        }
        SweepRunner runner = new SweepRunner(plan, dir, new LocalExecutor(settings.jobs()),
                SessionCellTrainer.forJobs(settings.jobs()));
        try {
            SweepResult r = runner.run(plan.cells(), cancel, new Lines(progress, label, plan.cells().size()));
            return new Run(f, name, dir, plan, "", r.seconds(), r.trained());
        } catch (IOException e) {
            return new Run(f, name, dir, plan, e.getMessage(), 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(f, name, dir, plan, "interrupted", 0, 0);
        }
    }

    /** The summary rows of the plan's cells that finished (their folder in place): what a report may count. */
    static List<SweepSummary.Row> finishedRows(Run run) throws IOException {
        SweepFolder folder = new SweepFolder(run.dir());
        List<SweepSummary.Row> out = new ArrayList<>();
        for (SweepSummary.Row r : folder.readSummary()) {
            SweepCell c = run.plan().cell(r.cell());
            if (c != null && r.status() == CellStatus.FINISHED && Files.isDirectory(folder.cellDir(c.id()))) {
                out.add(r);
            }
        }
        return out;
    }

    /** Progress of the sweep as whole lines, as the seed runs report theirs. */
    private static final class Lines implements SweepProgress {
        private final PrintWriter out;
        private final String prefix;
        private final int cells;
        private int ended;

        Lines(PrintWriter out, String label, int cells) {
            this.out = out;
            this.prefix = label + " | ";
            this.cells = cells;
        }

        @Override
        public void started(SweepPlan plan, List<SweepCell> toRun, int finishedBefore) {
            print(toRun.size() + " of " + cells + " cells to train" + (finishedBefore > 0 ? " (" + finishedBefore
                    + " finished before)" : ""));
        }

        @Override
        public void cellEnded(CellOutcome o) {
            int n;
            synchronized (this) {
                n = ++ended;
            }
            print("cell " + o.cell().id() + " " + o.status().jsonName() + (o.message().isBlank() ? "" : " (" + o.message()
                    + ")") + String.format(Locale.ROOT, " in %.0f s (%d ended)", o.seconds(), n));
        }

        private void print(String line) {
            synchronized (out) {
                out.println(prefix + line);
                out.flush();
            }
        }
    }
}
