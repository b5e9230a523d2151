package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sweep} command: a shipped sweep shortened with --steps 40 on two jobs ends with a summary row per cell
 * and arm and a column per axis, and running it again trains nothing and says so; bad sweep files and options are one
 * "error:" line each (file:line, JSON path, cell), exit 2; --plan lists the cells; {@code figures SWEEP_DIR} draws.
 */
class SweepCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int exec(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return GuidanceLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    /**
     * The done-when command on the shipped alpha sweep of the teaching demo, its first seed's five cells (all 15
     * would take minutes on a loaded two-core machine; the other seeds are the same code path).
     */
    @Test
    void aShippedSweepShortenedRunsThenTrainsNothingTheSecondTime(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("alpha");
        int code = exec("sweep", "presets/sweeps/teaching-demo-alpha.json", "--steps", "40", "--jobs", "2", "--only",
                "seed=1", "--out", dir.toString());
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains("shortened: --steps 40 (every step count x 40/300)"), out.toString());
        assertTrue(out.toString().contains("trained 5 cells (0 continued a stopped or cut run), 0 had finished before; "
                + "0 failed, 0 stopped"), out.toString());
        assertTrue(err.toString().contains("cells 5/15 done, 0 running, 0 failed"), err.toString());
        List<String> lines = Files.readAllLines(dir.resolve(SweepFolder.SUMMARY));
        assertEquals("alpha,seed,cell,arm,folder,status," + String.join(",", SweepSummary.METRICS), lines.get(0),
                "a column per axis");
        List<SweepSummary.Row> rows = new SweepFolder(dir).readSummary();
        assertEquals(15, rows.size(), "one row per cell and arm (one arm: guided)");
        assertEquals(List.of("0.1", "0.3162", "1", "3.162", "10"), rows.stream().filter(r -> r.seed() == 1)
                .map(r -> r.axes().get("alpha")).toList());
        assertTrue(rows.stream().filter(r -> r.seed() == 1).allMatch(r -> r.status().jsonName().equals("finished")
                && r.get("final_val_acc") > 0));
        assertEquals(40, ExperimentJson.read(dir.resolve("cells/alpha=1,seed=1/experiment.json")).training().steps());
        assertTrue(Files.isRegularFile(dir.resolve("figures/sweep_final_val_acc-vs-alpha.png")), out.toString());

        int again = exec("sweep", "presets/sweeps/teaching-demo-alpha.json", "--steps", "40", "--jobs", "2", "--only",
                "seed=1", "--out", dir.toString());
        assertEquals(0, again, out + "\n" + err);
        assertTrue(out.toString().contains("nothing to train: all 5 chosen cells had finished (" + dir + ")"), out.toString());

        int figures = exec("figures", dir.toString(), "--metric", "mean_pair_cka", "--out", tmp.resolve("figs").toString());
        assertEquals(0, figures, err.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("figs/sweep_mean_pair_cka-vs-alpha.png")), out.toString());
        assertTrue(Files.readString(tmp.resolve("figs/sweep_mean_pair_cka-vs-alpha.csv"))
                .startsWith("panel,series,x,value,low,high\n"));
    }

    @Test
    void aBadSweepFileIsOneErrorLinePerProblemWithFileLinePathAndCell(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("tiny.json");
        Files.writeString(base, ExperimentJson.write(EngineCommandsTest.blobsExperiment()));
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"base\": {\"file\": \"tiny.json\"},\n  \"axes\": [\n"
                + "    {\"path\": \"training.alpha\", \"values\": [1, \"high\"]},\n"
                + "    {\"path\": \"arms[warmup].guidanceSteps\", \"values\": [2, 50]}\n  ]\n}\n");
        int code = exec("sweep", file.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, code, err.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertEquals("error: " + file + ":5 at $.axes[0].values[1]: training.alpha expects a number, at least 0, got \"high\"",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("error: " + file + ":6 at $.axes[1].values[1] (cell alpha=1,guidanceSteps=50,seed=1): "
                + "arms[2].guidanceSteps: arm 'warmup' guides for the first 50 steps but the run has only 12"), lines.get(1));
        assertFalse(Files.exists(tmp.resolve("out")), "nothing was written, nothing trained");

        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"base\": {\"file\": \"tiny.json\"},\n"
                + "  \"axes\": [{\"path\": \"training.alpah\", \"values\": [1]}]\n}\n");
        assertEquals(2, exec("sweep", file.toString()));
        assertEquals("error: " + file + ":4 at $.axes[0].path: no setting 'training.alpah' (did you mean training.alpha?); "
                + "training's settings are alpha, optimizer, learningRate, momentum, weightDecay, gradClip, batchSize, "
                + "steps, evalInterval, checkpointInterval, seed", err.toString().strip());
        assertEquals(2, exec("sweep", "no-such-sweep"));
        assertTrue(err.toString().startsWith("error: 'no-such-sweep' is neither a file nor a shipped sweep; the shipped "
                + "sweeps are "), err.toString());
        assertEquals(2, exec("sweep", "teaching-demo-warmup", "--only", "warmup=7"));
        assertEquals("error: --only: warmup has no value 7; its values are 0, 25, 50, 100, 150, 200, 300", err.toString().strip());
        assertEquals(2, exec("sweep", "teaching-demo-warmup", "--jobs", "0"));
        assertEquals("error: --jobs must be at least 1, got 0", err.toString().strip());
        assertEquals(2, exec("sweep", "teaching-demo-warmup", "--steps", "x"));
        assertEquals("error: --steps must be a whole number, got 'x'", err.toString().strip());
    }

    @Test
    void planListsTheCellsAndTrainsNothing(@TempDir Path tmp) {
        int code = exec("sweep", "teaching-demo-warmup", "--plan", "--steps", "40", "--only", "seed=2", "--out",
                tmp.resolve("w").toString());
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("21 cells (7 warmup x 3 seeds); shortened: --steps 40"), text);
        assertTrue(text.contains("axis warmup = arms[guided].warmup (a whole number, at least 0, in steps): 0, 25, 50, 100, "
                + "150, 200, 300"), text);
        assertEquals(7, text.lines().filter(l -> l.startsWith("warmup=")).count(), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("warmup=150,seed=2 +to run +40")), text);
        assertFalse(Files.exists(tmp.resolve("w")));
    }

    /** --spark is checked before anything starts: a bad master URL, --shared-out alone, each one line, exit 2. */
    @Test
    void aBadSparkMasterIsOneErrorLineAndNothingStarts(@TempDir Path tmp) {
        Path dir = tmp.resolve("w");
        assertEquals(2, exec("sweep", "teaching-demo-warmup", "--spark", "lcoal[2]", "--out", dir.toString()));
        assertEquals("error: --spark: 'lcoal[2]' is not a Spark master URL; use local, local[N], local[*], "
                + "spark://HOST:PORT, yarn or k8s://HOST:PORT", err.toString().lines().findFirst().orElse(""));
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertEquals(2, exec("sweep", "teaching-demo-warmup", "--shared-out", "--out", dir.toString()));
        assertEquals("error: --shared-out goes with --spark", err.toString().lines().findFirst().orElse(""));
        assertFalse(Files.exists(dir), "nothing was written");
    }
}
