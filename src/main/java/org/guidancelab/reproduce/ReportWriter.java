package org.guidancelab.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.md}: a summary table of the verdicts, then per finding its claim, the paper's result, the
 * criterion, the measured table (mean +- sample sd over seeds), the figures, every check with its numbers and the
 * verdict line. Number formats are fixed here ({@link #loss}, {@link #acc}) so a test can recompute them from the run
 * folders and compare text.
 */
public final class ReportWriter {
    public static final String REPORT = "report.md";
    public static final String TITLE = "# Reproducing \"Training the Untrainable\" at lab scale";
    public static final String SUMMARY = "## Summary";
    public static final String TABLE_HEADER = "| arm | what it does | final val loss | final val acc | min val loss "
            + "| final train loss | task time (s) |";

    private ReportWriter() {
    }

    /** Header facts: when, on what, how it was invoked. */
    public record Context(String date, String machine, String commandLine, ReproduceSettings settings) {
    }

    public static Path write(Path out, Context ctx, List<FindingResult> results) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(TITLE).append("\n\n");
        s.append("- Date: ").append(ctx.date()).append('\n');
        s.append("- Machine: ").append(ctx.machine()).append('\n');
        s.append("- Command: `").append(ctx.commandLine()).append("`\n");
        ReproduceSettings st = ctx.settings();
        s.append("- Settings: ").append(st.seeds()).append(st.seeds() == 1 ? " seed" : " seeds")
                .append(" per finding; ")
                .append(st.quick() ? "quick (every step count of the presets divided by " + st.stepDivisor() + ")"
                        : "full presets")
                .append("; ").append(st.jobs()).append(st.jobs() == 1 ? " job" : " parallel jobs")
                .append(", one compute thread each\n");
        s.append("- Seeds: seed k (1..").append(st.seeds()).append(") trains with the preset's training.seed + k - 1 "
                + "(initialisation and batch order vary); the dataset and its seed stay fixed.\n");
        s.append("- Measures: per arm and seed, the validation loss and accuracy at the arm's last evaluation, the "
                + "lowest validation loss over its evaluations, the task loss of its last step and its task-steps "
                + "time, all read back from the run folders under `runs/`; mean +- sample sd (n-1) over seeds. "
                + "\"A beats B\" means mean acc(A) - mean acc(B) > max(1 point, sd A, sd B).\n");
        long reused = results.stream().flatMap(r -> r.runs().stream()).filter(SeedRun::reused).count();
        if (reused > 0) {
            s.append("- Reused: ").append(reused).append(" of ").append(results.stream().mapToLong(r -> r.runs().size())
                    .sum()).append(" runs had finished in an earlier invocation in this folder (their wall time says "
                    + "\"reused\"); the machine above is this invocation's, not necessarily theirs.\n");
        }
        s.append('\n');
        s.append(SUMMARY).append("\n\n| finding | preset | verdict | seeds finished | wall time (s) |\n|---|---|---|---|---|\n");
        for (FindingResult r : results) {
            s.append(String.format(Locale.ROOT, "| [%s](#%s) | %s | %s | %d/%d | %s |%n", r.finding().id(),
                    r.finding().id(), r.finding().preset(), r.verdict().text(), r.finishedSeeds(), r.runs().size(),
                    allReused(r) ? "reused" : String.format(Locale.ROOT, "%.0f", r.seconds())));
        }
        for (FindingResult r : results) {
            section(s, r);
        }
        Path file = out.resolve(REPORT);
        Files.createDirectories(out);
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void section(StringBuilder s, FindingResult r) {
        Finding f = r.finding();
        s.append("\n## ").append(f.id()).append("\n\n");
        s.append("**Claim.** ").append(f.claim()).append("\n\n");
        s.append("**Paper.** ").append(f.paperResult()).append("\n\n");
        s.append("**Criterion.** ").append(f.criterionText()).append("\n\n");
        for (SeedRun run : r.runs()) {
            if (!run.finished()) {
                s.append("- seed ").append(run.seed()).append(": ").append(run.status())
                        .append(run.message().isBlank() ? "" : " (" + run.message() + ")")
                        .append(", left out of the numbers\n");
            }
        }
        if (r.arms().isEmpty()) {
            s.append("\nNo finished run: nothing to measure.\n\n**Verdict: ").append(r.verdict().text()).append("**\n");
            return;
        }
        s.append(TABLE_HEADER).append("\n|---|---|---|---|---|---|---|\n");
        for (ArmSummary a : r.arms()) {
            s.append("| ").append(a.arm()).append(" | ").append(a.description()).append(" | ")
                    .append(loss(a.valLoss())).append(" | ").append(acc(a.accuracy())).append(" | ")
                    .append(loss(a.minLoss())).append(" | ").append(loss(a.trainLoss())).append(" | ")
                    .append(seconds(a.time())).append(" |\n");
        }
        s.append('\n');
        for (Path fig : r.figures()) {
            String name = fig.getFileName().toString().replace(".png", "");
            s.append("![").append(name).append("](").append(fig.toString().replace('\\', '/')).append(")\n");
        }
        s.append("\nFigures from seed ").append(r.runs().stream().filter(SeedRun::finished).findFirst()
                .map(SeedRun::seed).orElse(1)).append(": loss and accuracy curves (training | validation), and the "
                + "CKA heatmap (target x guide) of the guided arm before and after training.\n\n");
        if (r.curve() != null) {
            curve(s, r.curve());
        }
        s.append("Checks:\n\n");
        int i = 1;
        for (Check c : r.checks()) {
            s.append("- ").append(c.pass() ? "PASS" : "FAIL").append(c.counted() ? "" : " (reported, not counted)")
                    .append(" (").append(i++).append(") ").append(c.label()).append(": ").append(c.numbers())
                    .append('\n');
        }
        long counted = r.checks().stream().filter(Check::counted).count();
        long passed = r.checks().stream().filter(c -> c.counted() && c.pass()).count();
        s.append(String.format(Locale.ROOT, "%n**Verdict: %s** (%d of %d counted checks hold)%n", r.verdict().text(),
                passed, counted));
        // Reused runs were timed by the invocation that trained them, not this one: no made-up zero.
        s.append(allReused(r) ? String.format(Locale.ROOT, "%nWall time: not measured by this invocation, which reused "
                + "the runs (the table's task times are read from them); %d runs (", r.runs().size())
                : String.format(Locale.ROOT, "%nWall time: %.0f s for %d runs (", r.seconds(), r.runs().size()));
        s.append(String.join(", ", r.runs().stream().map(x -> "`runs/" + x.dir().getFileName() + "`"
                + (x.reused() ? " reused" : "")).toList())).append(").\n");
        if (r.grid() != null) {
            grid(s, r.grid());
        }
    }

    /** The finding's grid: per setting of the other axes, the accuracy at each alpha and the best alpha's gain. */
    private static void grid(StringBuilder s, StrengthGrid.Result g) {
        String where = g.dir() == null ? "" : " (`" + g.dir().toString().replace('\\', '/') + "/`)";
        s.append("\n**Grid**").append(where).append(", reported, not counted in the verdict. ")
                .append(g.title().isEmpty() ? "" : g.title() + ". ")
                .append("The guided arm over the guidance weight alpha (0: the target trained alone) and the other axes; "
                        + "final val acc, mean ± sd over seeds; the gain is the best alpha above 0 over alpha 0, "
                        + "\"helps\" when it exceeds max(1 point, either sd).\n\n");
        if (g.settings().isEmpty()) {
            s.append("No finished cell: ").append(g.problem().isBlank() ? "the grid did not run" : g.problem())
                    .append(".\n");
            return;
        }
        s.append("| ").append(String.join(" | ", g.others()));
        g.alphas().forEach(a -> s.append(" | alpha ").append(a));
        s.append(" | best alpha | gain | helps | seeds |\n|");
        s.append("---|".repeat(g.others().size() + g.alphas().size() + 4)).append('\n');
        for (StrengthGrid.Setting st : g.settings()) {
            s.append("| ");
            s.append(String.join(" | ", g.others().stream().map(o -> st.others().get(o)).toList()));
            st.byAlpha().forEach(a -> s.append(" | ").append(acc(a)));
            boolean measured = Double.isFinite(st.gain());
            s.append(" | ").append(st.bestAlpha() == null ? "-" : st.bestAlpha()).append(" | ")
                    .append(measured ? Comparison.pts(st.gain()) : "-").append(" | ")
                    .append(measured ? (st.helps() ? "yes" : "no") : "-").append(" | ")
                    .append(st.byAlpha().stream().mapToInt(Stat::n).min().orElse(0)).append(" |\n");
        }
        s.append('\n');
        for (Path fig : g.figures()) {
            String name = fig.getFileName().toString().replace(".png", "");
            s.append("![").append(name).append("](").append(fig.toString().replace('\\', '/')).append(")\n");
        }
        s.append(g.figures().isEmpty() ? "" : "\n").append("What the grid shows:\n\n");
        g.shows().forEach(line -> s.append("- ").append(line).append('\n'));
        s.append(g.trained() == 0
                ? String.format(Locale.ROOT, "%nThe grid's %d cells had finished in an earlier invocation in this folder: "
                        + "reused, not timed here.%n", g.cells())
                : String.format(Locale.ROOT, "%nThis invocation trained %d of the grid's %d cells in %.0f s of wall "
                        + "time.%n", g.trained(), g.cells(), g.seconds()));
    }

    /** The finding's curve: the paper's statement, the measured table (mean +- sd over seeds) and its figure. */
    private static void curve(StringBuilder s, WarmupCurve.Result c) {
        String where = c.dir() == null ? "" : " (`" + c.dir().toString().replace('\\', '/') + "/`)";
        s.append("**Warmup curve**").append(where).append(". The guided arm with the guide disconnected after N of its ")
                .append(c.baseSteps()).append(" steps (0: no guidance; ").append(c.baseSteps())
                .append(": the whole run), each N a cell of a sweep over the same seeds; the benefit kept is the gain over "
                        + "no guidance as a share of full guidance's gain. The paper: disconnecting the guide after "
                        + "150-300 steps keeps the benefit.\n\n");
        if (c.points().isEmpty()) {
            s.append("No finished cell: ").append(c.problem().isBlank() ? "the curve did not run" : c.problem())
                    .append(".\n\n");
            return;
        }
        s.append("| guidance for the first | final val acc | gain over no guidance | benefit kept | seeds |\n")
                .append("|---|---|---|---|---|\n");
        for (WarmupCurve.Point p : c.points()) {
            boolean none = p.steps() == 0;
            boolean full = p.steps() == c.points().stream().mapToDouble(WarmupCurve.Point::steps).max().orElse(0);
            s.append("| ").append(p.label()).append(" of ").append(c.baseSteps()).append(" steps")
                    .append(none ? " (none)" : full ? " (full)" : "").append(" | ").append(acc(p.accuracy())).append(" | ")
                    .append(none || p.accuracy().n() == 0 ? "-" : Comparison.pts(p.gain())).append(" | ")
                    .append(none || p.accuracy().n() == 0 ? "-" : WarmupCurve.percent(p.kept())).append(" | ")
                    .append(p.accuracy().n()).append(" |\n");
        }
        s.append('\n');
        if (c.figure() != null) {
            s.append("![warmup-curve](").append(c.figure().toString().replace('\\', '/')).append(")\n\n");
        }
        if (c.trained() == 0) {
            s.append(String.format(Locale.ROOT, "The curve's %d cells had finished in an earlier invocation in this "
                    + "folder: reused, not timed here.%n%n", c.cells()));
        } else {
            s.append(String.format(Locale.ROOT, "This invocation trained %d of the curve's %d cells in %.0f s of wall "
                    + "time.%n%n", c.trained(), c.cells(), c.seconds()));
        }
    }

    /** Every finished run of the finding came from an earlier invocation (none was trained by this one). */
    private static boolean allReused(FindingResult r) {
        return r.runs().stream().filter(SeedRun::finished).allMatch(SeedRun::reused)
                && r.runs().stream().anyMatch(SeedRun::finished);
    }

    /** A loss as mean +- sd, 4 decimals. */
    public static String loss(Stat s) {
        return Double.isNaN(s.mean()) ? "n/a" : String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.sd());
    }

    /** An accuracy as mean +- sd in percent, 2 decimals. */
    public static String acc(Stat s) {
        return Double.isNaN(s.mean()) ? "n/a" : String.format(Locale.ROOT, "%.2f%% ± %.2f", 100 * s.mean(), 100 * s.sd());
    }

    static String seconds(Stat s) {
        return Double.isNaN(s.mean()) ? "n/a" : String.format(Locale.ROOT, "%.1f ± %.1f", s.mean(), s.sd());
    }
}
