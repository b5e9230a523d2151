package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.reproduce.ReportWriter;
import org.guidancelab.reproduce.Stat;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code reproduce --quick} through picocli on the smallest settings (two findings, two seeds, two jobs, a few
 * steps on a few examples), then reads report.md back: its structure, its figures, and that every number of its
 * tables is the one recomputed here from the run folders.
 */
class ReproduceCommandTest {
    private static final List<String> FINDINGS = List.of("deep-fcn", "copy-paste");
    private static final Pattern SUMMARY_ROW = Pattern.compile(
            "^\\| \\[([a-z-]+)\\]\\(#\\1\\) \\| ([a-z-]+\\.json) \\| (reproduced|partly reproduced|not reproduced|not run) "
                    + "\\| (\\d+)/(\\d+) \\| (\\d+|reused) \\|$", Pattern.MULTILINE);
    private static final Pattern FIGURE = Pattern.compile("^!\\[[^\\]]*\\]\\(([^)]+)\\)$", Pattern.MULTILINE);
    private static final Pattern VERDICT = Pattern.compile(
            "^\\*\\*Verdict: (reproduced|partly reproduced|not reproduced)\\*\\* \\((\\d+) of (\\d+) counted checks hold\\)$",
            Pattern.MULTILINE);
    private static final Pattern CHECK = Pattern.compile("^- (PASS|FAIL)( \\(reported, not counted\\))? \\(\\d+\\) .+: .+$",
            Pattern.MULTILINE);

    @Test
    void quickReproduceWritesAReportWhoseNumbersAreThoseInTheRunFolders(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GuidanceLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("reproduce",
                "--quick", "--seeds", "2", "--jobs", "2", "--only", String.join(",", FINDINGS), "--test-steps", "4",
                "--test-examples", "48", "--out", tmp.toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("deep-fcn seed 2 | arm baseline finished at step 4"), err.toString());
        String report = Files.readString(tmp.resolve(ReportWriter.REPORT));

        assertTrue(report.startsWith(ReportWriter.TITLE + "\n"));
        assertTrue(report.contains("- Command: `reproduce --quick --seeds 2 --jobs 2"), report);
        assertTrue(report.contains("2 seeds per finding; quick (every step count of the presets divided by 4)"));
        Matcher summary = SUMMARY_ROW.matcher(report.substring(report.indexOf(ReportWriter.SUMMARY)));
        Map<String, String> verdicts = new LinkedHashMap<>();
        while (summary.find()) {
            verdicts.put(summary.group(1), summary.group(3));
            assertEquals("2", summary.group(4));
            assertEquals("2", summary.group(5));
        }
        assertEquals(FINDINGS, List.copyOf(verdicts.keySet()), "a summary row per finding, in catalog order");

        for (String id : FINDINGS) {
            String section = section(report, id);
            Matcher v = VERDICT.matcher(section);
            assertTrue(v.find(), id + ": a verdict line");
            assertEquals(verdicts.get(id), v.group(1), id + ": the summary shows the section's verdict");
            Matcher c = CHECK.matcher(section);
            int checks = 0;
            int passed = 0;
            while (c.find()) {
                checks++;
                passed += c.group(1).equals("PASS") && c.group(2) == null ? 1 : 0;
            }
            assertEquals(id.equals("deep-fcn") ? 4 : 3, checks, id + ": every check of the criterion is printed");
            assertEquals(Integer.parseInt(v.group(2)), passed, id + ": the verdict counts the passing checks");

            List<Path> figures = new ArrayList<>();
            Matcher f = FIGURE.matcher(section);
            while (f.find()) {
                figures.add(tmp.resolve(f.group(1)));
            }
            assertEquals(List.of(id + "-loss.png", id + "-accuracy.png", id + "-cka-before-after.png"),
                    figures.stream().map(p -> p.getFileName().toString()).toList());
            for (Path p : figures) {
                BufferedImage img = ImageIO.read(p.toFile());
                assertNotNull(img, p + " is a PNG");
                assertTrue(img.getWidth() > 100 && img.getHeight() > 100, p + " has a real size");
            }

            List<RunRecord> seeds = List.of(RunReader.read(tmp.resolve("runs").resolve(id + "-seed1")),
                    RunReader.read(tmp.resolve("runs").resolve(id + "-seed2")));
            assertEquals(seeds.get(0).experiment().training().seed() + 1, seeds.get(1).experiment().training().seed(),
                    "seed 2 trains with the next training seed");
            assertEquals(seeds.get(0).experiment().dataset(), seeds.get(1).experiment().dataset(), "same data");
            Map<String, String[]> rows = tableRows(section);
            assertEquals(seeds.get(0).experiment().arms().stream().map(ArmSpec::name).toList(),
                    List.copyOf(rows.keySet()), id + ": a table row per arm");
            for (String arm : rows.keySet()) {
                List<Double> loss = new ArrayList<>();
                List<Double> acc = new ArrayList<>();
                List<Double> min = new ArrayList<>();
                for (RunRecord r : seeds) {
                    double best = Double.POSITIVE_INFINITY;
                    MetricRow last = null;
                    for (MetricRow m : r.taskRows(arm)) {
                        if (m.metrics().containsKey("val/loss")) {
                            last = m;
                            best = Math.min(best, m.get("val/loss"));
                        }
                    }
                    assertNotNull(last, id + "/" + arm + " evaluated");
                    loss.add(last.get("val/loss"));
                    acc.add(last.get("val/accuracy"));
                    min.add(best);
                }
                String[] cells = rows.get(arm);
                assertEquals(meanSd(loss, 4, 1), cells[2], id + "/" + arm + " final val loss");
                assertEquals(meanSd(acc, 2, 100) , cells[3].replace("%", ""), id + "/" + arm + " final val acc");
                assertEquals(meanSd(min, 4, 1), cells[4], id + "/" + arm + " min val loss");
                assertEquals(ReportWriter.loss(Stat.of(loss)), cells[2], "the writer's own format agrees");
            }
        }

        // --report-only trains nothing: a third seed is listed as not run, the two finished ones are reused as they are
        String before = Files.readString(tmp.resolve("runs").resolve("deep-fcn-seed1").resolve("metrics.csv"));
        StringWriter out2 = new StringWriter();
        int again = GuidanceLabCommand.commandLine(new PrintWriter(out2), new PrintWriter(new StringWriter())).execute(
                "reproduce", "--quick", "--seeds", "3", "--report-only", "--only", String.join(",", FINDINGS),
                "--test-steps", "4", "--test-examples", "48", "--out", tmp.toString());
        assertEquals(1, again, "not every seed finished");
        assertFalse(Files.exists(tmp.resolve("runs").resolve("deep-fcn-seed3")), "nothing was trained");
        assertEquals(before, Files.readString(tmp.resolve("runs").resolve("deep-fcn-seed1").resolve("metrics.csv")));
        String partial = Files.readString(tmp.resolve(ReportWriter.REPORT));
        Matcher rows = SUMMARY_ROW.matcher(partial.substring(partial.indexOf(ReportWriter.SUMMARY)));
        int found = 0;
        while (rows.find()) {
            assertEquals("2", rows.group(4), "finished seeds");
            assertEquals("3", rows.group(5), "seeds asked for");
            found++;
        }
        assertEquals(FINDINGS.size(), found);
        assertTrue(partial.contains("- seed 3: not run"), partial);
        assertTrue(partial.contains("| 2/3 | reused |"), "reused runs were not timed by this invocation: " + partial);
    }

    /**
     * The warmup finding runs its curve, a sweep of the guided arm over warmup lengths with the same seeds, and reports
     * it: the table, the figure and checks (4) and (5), each number read back from the sweep's cells.
     */
    @Test
    void theWarmupFindingReportsItsCurveFromASweep(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GuidanceLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("reproduce",
                "--quick", "--seeds", "1", "--jobs", "2", "--only", "warmup", "--test-steps", "8", "--test-examples", "48",
                "--out", tmp.toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("warmup curve | 7 of 7 cells to train"), err.toString());
        Path sweep = tmp.resolve("sweeps").resolve("warmup");
        org.guidancelab.sweep.SweepFolder folder = new org.guidancelab.sweep.SweepFolder(sweep);
        assertEquals("finished", folder.readStatus().state());
        List<org.guidancelab.sweep.SweepSummary.Row> rows = folder.readSummary();
        assertEquals(7, rows.size(), "7 warmups x 1 seed, one arm (the report of the repository has 3 seeds)");
        String report = Files.readString(tmp.resolve(ReportWriter.REPORT));
        String section = section(report, "warmup");
        assertTrue(section.contains("**Warmup curve** (`sweeps/warmup/`)"), section);
        assertTrue(section.contains("The paper: disconnecting the guide after 150-300 steps keeps the benefit."), section);
        for (String w : List.of("0", "25", "50", "100", "150", "200", "300")) {
            List<Double> acc = rows.stream().filter(r -> r.axes().get("warmup").equals(w)).map(r -> r.get("final_val_acc")).toList();
            assertEquals(1, acc.size());
            String expected = "| " + w + " of 300 steps" + (w.equals("0") ? " (none)" : w.equals("300") ? " (full)" : "")
                    + " | " + ReportWriter.acc(Stat.of(acc)) + " | ";
            assertTrue(section.contains(expected), "row " + w + ": " + expected + "\n" + section);
        }
        assertTrue(section.contains("![warmup-curve](figures/warmup-curve.png)"), section);
        BufferedImage img = ImageIO.read(tmp.resolve("figures/warmup-curve.png").toFile());
        assertNotNull(img);
        assertTrue(Files.readString(tmp.resolve("figures/warmup-curve.csv")).startsWith("panel,series,x,value,low,high"));
        Matcher c = CHECK.matcher(section);
        List<String> checks = new ArrayList<>();
        while (c.find()) {
            checks.add(c.group());
        }
        assertEquals(5, checks.size(), checks.toString());
        assertTrue(checks.get(3).contains("(4) the warmup curve keeps the benefit from half the run on"), checks.get(3));
        assertTrue(checks.get(4).contains("(reported, not counted) (5)"), checks.get(4));
        Matcher v = VERDICT.matcher(section);
        assertTrue(v.find());
        assertEquals("4", v.group(3), "four counted checks: " + section);

        // --report-only trains nothing and reports the same curve
        String before = Files.readString(sweep.resolve("summary.csv"));
        int again = GuidanceLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("reproduce", "--quick", "--seeds", "1", "--report-only", "--only", "warmup", "--test-steps", "8",
                        "--test-examples", "48", "--out", tmp.toString());
        assertEquals(0, again);
        assertEquals(before, Files.readString(sweep.resolve("summary.csv")));
        String second = section(Files.readString(tmp.resolve(ReportWriter.REPORT)), "warmup");
        assertEquals(section.substring(section.indexOf("| guidance for the first"), section.indexOf("![warmup-curve]")),
                second.substring(second.indexOf("| guidance for the first"), second.indexOf("![warmup-curve]")));
    }

    /**
     * The wide-FCN finding also runs its grid (alpha x width x steps, the same seeds) and reports it, not counted: a
     * row per setting of width and steps whose accuracies are the sweep's cells, the best alpha, the heatmaps.
     */
    @Test
    void theWideFcnFindingReportsItsGridWithoutCountingIt(@TempDir Path tmp) throws Exception {
        StringWriter err = new StringWriter();
        int code = GuidanceLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(
                "reproduce", "--quick", "--seeds", "1", "--jobs", "2", "--only", "wide-fcn", "--test-steps", "3",
                "--test-examples", "32", "--out", tmp.toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("wide-fcn grid | 18 of 18 cells to train"), err.toString());
        org.guidancelab.sweep.SweepFolder folder = new org.guidancelab.sweep.SweepFolder(
                tmp.resolve("sweeps").resolve("wide-fcn-grid"));
        List<org.guidancelab.sweep.SweepSummary.Row> rows = folder.readSummary();
        assertEquals(18, rows.size(), "3 alphas x 3 widths x 2 lengths x 1 seed");
        String section = section(Files.readString(tmp.resolve(ReportWriter.REPORT)), "wide-fcn");
        assertTrue(section.contains("**Grid** (`sweeps/wide-fcn-grid/`), reported, not counted in the verdict."), section);
        assertTrue(section.contains("| width | steps | alpha 0 | alpha 1 | alpha 4 | best alpha | gain | helps | seeds |"),
                section);
        for (String width : List.of("256", "512", "1024")) {
            for (String steps : List.of("300", "900")) {
                StringBuilder row = new StringBuilder("| " + width + " | " + steps);
                double none = Double.NaN;
                double best = Double.NEGATIVE_INFINITY;
                for (String alpha : List.of("0", "1", "4")) {
                    double acc = rows.stream().filter(r -> r.axes().get("alpha").equals(alpha)
                            && r.axes().get("width").equals(width) && r.axes().get("steps").equals(steps))
                            .findFirst().orElseThrow().get("final_val_acc");
                    row.append(" | ").append(ReportWriter.acc(Stat.of(List.of(acc))));
                    if (alpha.equals("0")) {
                        none = acc;
                    } else {
                        best = Math.max(best, acc);
                    }
                }
                assertTrue(section.contains(row.toString()), "row " + row + "\n" + section);
                String gain = String.format(java.util.Locale.ROOT, "%+.1f pts", 100 * (best - none)).replace("+-", "-");
                String line = section.substring(section.indexOf(row.toString()));
                line = line.substring(0, line.indexOf('\n'));
                assertTrue(line.contains(" | " + gain + " | "), line + " should show the gain " + gain);
            }
        }
        assertTrue(section.contains("What the grid shows:\n\n- Guidance (the best alpha above 0) beats training alone"),
                section);
        for (String steps : List.of("300", "900")) {
            Path fig = tmp.resolve("figures").resolve("wide-fcn-grid-" + steps + ".png");
            assertTrue(section.contains("![wide-fcn-grid-" + steps + "](figures/wide-fcn-grid-" + steps + ".png)"), section);
            BufferedImage img = ImageIO.read(fig.toFile());
            assertNotNull(img, fig + " is a PNG");
        }
        Matcher c = CHECK.matcher(section);
        int checks = 0;
        while (c.find()) {
            checks++;
        }
        assertEquals(3, checks, "the grid adds no check to the preset's three: " + section);
    }

    @Test
    void badOptionsAreUsageErrorsNamingWhatIsWrong(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        int code = GuidanceLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("reproduce", "--only", "deep-fcn,dep-convnet", "--out", tmp.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--only: no finding called 'dep-convnet'; the findings are deep-fcn, "
                + "wide-fcn, deep-convnet, copy-paste, parity, warmup, distillation"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, GuidanceLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err2))
                .execute("reproduce", "--seeds", "0", "--out", tmp.toString()));
        assertTrue(err2.toString().contains("--seeds must be at least 1, got 0"), err2.toString());
        assertFalse(Files.exists(tmp.resolve(ReportWriter.REPORT)), "nothing ran, no report");
    }

    /** mean ± sample sd (n - 1), computed here independently of the aggregator. */
    private static String meanSd(List<Double> v, int digits, double scale) {
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(ss / (v.size() - 1));
        return String.format(java.util.Locale.ROOT, "%." + digits + "f ± %." + digits + "f", scale * mean, scale * sd);
    }

    private static String section(String report, String id) {
        int start = report.indexOf("\n## " + id + "\n");
        assertTrue(start >= 0, "a section for " + id);
        int end = report.indexOf("\n## ", start + 1);
        return report.substring(start, end < 0 ? report.length() : end);
    }

    private static Map<String, String[]> tableRows(String section) {
        int at = section.indexOf(ReportWriter.TABLE_HEADER);
        assertTrue(at >= 0, "a measured table");
        Map<String, String[]> rows = new LinkedHashMap<>();
        String[] lines = section.substring(at).split("\n");
        for (int i = 2; i < lines.length && lines[i].startsWith("|"); i++) {
            String[] cells = lines[i].substring(2, lines[i].length() - 2).split(" \\| ");
            assertEquals(7, cells.length, lines[i]);
            rows.put(cells[0], cells);
        }
        return rows;
    }
}
