package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.figures.CkaHeatmap;
import org.guidancelab.figures.Curve;
import org.guidancelab.figures.GuidanceMarker;
import org.guidancelab.figures.RunFigureData;
import org.guidancelab.figures.RunFigureSource;
import org.guidancelab.runs.CkaSnapshot;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.runs.RunStatusFile;
import org.guidancelab.runs.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int exec(String... args) {
        return GuidanceLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void writesEveryFigureOfATrainedRun(@TempDir Path tmp) throws Exception {
        ExperimentSpec spec = EngineCommandsTest.blobsExperiment();
        RunWriter writer = RunWriter.create(tmp, spec);
        Trainer trainer = new Trainer(spec, DatasetFactory.create("blobs", spec.dataset().params()));
        trainer.addListener(writer);
        assertEquals(RunStatus.FINISHED, trainer.run());
        Path runDir = writer.directory();

        assertEquals(0, exec("figures", runDir.toString(), "--format", "svg"), err.toString());
        Path figures = runDir.resolve(FiguresCommand.DEFAULT_OUT);
        List<String> names;
        try (Stream<Path> files = Files.list(figures)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        String run = runDir.getFileName().toString().replaceAll("[^A-Za-z0-9._-]+", "-");
        for (String expected : List.of("_loss.svg", "_loss.csv", "_accuracy.svg", "_guidance-loss.svg",
                "_pair-cka-guided.svg", "_pair-cka-warmup.svg", "_cka-guided_step000012.svg",
                "_self-similarity-guided_step000012.svg")) {
            assertTrue(names.contains(run + expected), run + expected + " in " + names);
        }
        for (String name : names) {
            if (name.endsWith(".svg")) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(figures.resolve(name).toFile());
            }
        }
        assertTrue(out.toString().contains(names.size() / 2 + " figures written to " + figures), out.toString());
        // The loss CSV holds the arms' task losses as the run store recorded them (smoothing off: raw values).
        assertEquals(0, exec("figures", runDir.toString(), "--smoothing", "0", "--scale", "1", "--out",
                tmp.resolve("png").toString()));
        List<String> csv = Files.readAllLines(tmp.resolve("png").resolve(run + "_loss.csv"));
        double first = org.guidancelab.runs.RunReader.read(runDir).taskRows("guided").get(0).get("train/task_loss");
        assertTrue(csv.contains("Training,guided,1.0," + first), "first guided task loss " + first);
        BufferedImage png = ImageIO.read(tmp.resolve("png").resolve(run + "_loss.png").toFile());
        assertEquals(1000, png.getWidth());
    }

    @Test
    void aFolderThatIsNotARunIsNamed(@TempDir Path tmp) {
        assertEquals(RunCommand.UNREADABLE, exec("figures", tmp.resolve("nothing").toString()));
        assertTrue(err.toString().contains("nothing is not a run folder (no experiment.json)"), err.toString());
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path tmp) {
        assertEquals(2, exec("figures", tmp.toString(), "--format", "pdf"));
        assertTrue(err.toString().contains("unknown figure format 'pdf': expected png or svg"), err.toString());
        assertEquals(2, exec("figures", tmp.toString(), "--scale", "0"));
        assertTrue(err.toString().contains("--scale must be in (0, 8.0], got 0.0"), err.toString());
        assertEquals(2, exec("figures", tmp.toString(), "--smoothing", "1"));
        assertTrue(err.toString().contains("smoothing must be in [0, 1), got 1.0"), err.toString());
    }

    @Test
    void theRunRecordBecomesCurvesMarkersAndHeatmapsWithTheLossPairsOutlined() {
        ExperimentSpec spec = EngineCommandsTest.blobsExperiment();
        List<MetricRow> rows = List.of(
                new MetricRow("warmup", Phase.TASK, 1, Map.of("train/loss", 1.5, "train/guidance_on", 1.0)),
                new MetricRow("warmup", Phase.TASK, 2, Map.of("train/loss", 1.25, "train/guidance_on", 1.0,
                        "val/loss", 1.4)),
                new MetricRow("warmup", Phase.TASK, 3, Map.of("train/loss", 1.0, "train/guidance_on", 0.0)),
                new MetricRow("warmup", Phase.NOISE_PREPHASE, 1, Map.of("train/loss", 9.0)));
        List<String> targetTaps = spec.target().tapNames();
        List<String> guideTaps = spec.guide().tapNames();
        double[][] tg = new double[targetTaps.size()][guideTaps.size()];
        tg[0][0] = 0.25;
        double[][] tt = new double[targetTaps.size()][targetTaps.size()];
        CkaSnapshot snap = new CkaSnapshot("warmup", 2, new CkaMatrix(targetTaps, guideTaps, tg, CkaEstimator.BIASED),
                new CkaMatrix(targetTaps, targetTaps, tt, CkaEstimator.BIASED));
        RunRecord record = new RunRecord(Path.of("/runs/blobs-1"), spec,
                new RunStatusFile(RunStatus.FINISHED, "", Map.of()), rows, List.of(snap), Map.of());

        RunFigureData data = RunFigureSource.from(record);
        assertEquals("blobs-1", data.runName());
        assertEquals(List.of("baseline", "guided", "warmup"), data.arms());
        Curve loss = data.curves().stream().filter(c -> c.metric().equals("train/loss")).findFirst().orElseThrow();
        assertArrayEquals(new double[] {1, 2, 3}, loss.steps(), "task steps only");
        assertArrayEquals(new double[] {1.5, 1.25, 1.0}, loss.values());
        Curve val = data.curves().stream().filter(c -> c.metric().equals("val/loss")).findFirst().orElseThrow();
        assertArrayEquals(new double[] {2}, val.steps(), "a metric holds only the steps it was recorded at");
        assertEquals(List.of(new GuidanceMarker("warmup", 2)), data.markers());
        CkaHeatmap h = data.cka().get("warmup").get(0);
        assertEquals(2, h.step());
        assertEquals(0.25, h.value(0, 0));
        assertEquals("Target", h.rowRole());
        assertEquals("Guide", h.colRole());
        // The blobs guide has one tap: by the paper's rule it pairs with the first target tap.
        assertEquals(1, h.pairs().size());
        assertArrayEquals(new int[] {0, 0}, h.pairs().get(0));
        assertEquals(targetTaps, data.selfSimilarity().get("warmup").get(0).colTaps());
    }
}
