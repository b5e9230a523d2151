package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.guidancelab.engine.imported.GuideFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** guide inspect lists the taps with shapes and parameters; guide activations writes PyTorch's activations per tap. */
class GuideCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return GuidanceLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void inspectListsTapsWithShapesAndParameters() {
        assertEquals(0, run("guide", "inspect", GuideFixtures.file("cnn-functional.h5").toString()), err.toString());
        String text = out.toString();
        assertTrue(text.contains("(Keras h5): input [1, 12, 12], 590 parameters"), text);
        assertTrue(text.matches("(?s).*\\n  conv1 +ConvolutionLayer +\\[4, 12, 12] +40\\n.*"), text);
        assertTrue(text.matches("(?s).*\\n  add +ElementWiseVertex +\\[4, 12, 12] +0\\n.*"), text);
        assertTrue(text.matches("(?s).*\\n  gap +GlobalPoolingLayer +\\[8] +0\\n.*"), text);
    }

    @Test
    void activationsWritesOneCsvPerTapMatchingPyTorch() {
        Path outDir = dir.resolve("acts");
        assertEquals(0, run("guide", "activations", GuideFixtures.file("cnn-graph.zip").toString(),
                GuideFixtures.file("inputs.csv").toString(), "--input", "1,12,12", "--out", outDir.toString()), err.toString());
        for (String tap : new String[] {"conv1", "relu1", "add", "pool", "conv3", "gap", "logits"}) {
            double d = GuideFixtures.maxDiff(GuideFixtures.csv(outDir.resolve(tap + ".csv")), GuideFixtures.reference("cnn-functional", tap));
            assertTrue(d <= 1e-5, tap + ": " + d);
        }
    }

    @Test
    void aBadFileIsAUsageErrorNamingIt() {
        Path bad = GuideFixtures.file("unsupported-layer.h5");
        assertEquals(2, run("guide", "inspect", bad.toString()));
        assertTrue(err.toString().contains(bad + ": the Keras import failed at layer 'convlstm' (ConvLSTM2D)"), err.toString());
        assertEquals(2, run("guide", "activations", GuideFixtures.file("cnn-functional.h5").toString(),
                GuideFixtures.file("ref-cnn-functional/gap.csv").toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains("rows have 8 values but"), err.toString());
    }

    @Test
    void theImportedGuidePresetRunsFromTheCommandLine() throws Exception {
        Path runs = dir.resolve("runs");
        assertEquals(0, run("run", "imported-guide", "--steps", "2", "--arms", "guided", "--out", runs.toString()), err.toString());
        Path folder;
        try (var s = java.nio.file.Files.list(runs)) {
            folder = s.findFirst().orElseThrow();
        }
        assertTrue(java.nio.file.Files.isRegularFile(folder.resolve("guides/small-cnn-keras.h5")), "the run keeps its guide file");
        String metrics = java.nio.file.Files.readString(folder.resolve("metrics.csv"));
        assertEquals(3, metrics.lines().count(), metrics); // the header and 2 steps of the guided arm
    }

    @Test
    void inspectListsTheTapsOfAConvertedOnnxGuide() {
        Path sdz = GuideFixtures.file("onnx/cnn-functional.sdz");
        assertEquals(0, run("guide", "inspect", sdz.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.contains("(SameDiff sdz): input [1, 12, 12], 590 parameters"), text);
        assertTrue(text.matches("(?s).*\\n  conv1 +conv2d +\\[4, 12, 12] +40\\n.*"), text);
        assertTrue(text.matches("(?s).*\\n  add +add +\\[4, 12, 12] +0\\n.*"), text);
        assertTrue(text.matches("(?s).*\\n  gap +reduce_mean +\\[8] +0\\n.*"), text);
        assertTrue(text.matches("(?s).*\\n  logits +matmul +\\[10] +90\\n.*"), text);
    }

    @Test
    void activationsOfAConvertedOnnxGuideMatchPyTorch() {
        Path outDir = dir.resolve("acts");
        assertEquals(0, run("guide", "activations", GuideFixtures.file("onnx/resnet.sdz").toString(),
                GuideFixtures.file("onnx/resnet-input.csv").toString(), "--out", outDir.toString()), err.toString());
        for (String tap : new String[] {"stem", "block1", "block2", "gate", "avgpool", "fc"}) {
            double d = GuideFixtures.maxDiff(GuideFixtures.csv(outDir.resolve(tap + ".csv")),
                    GuideFixtures.csv(GuideFixtures.file("onnx/resnet-ref/" + tap + ".csv")));
            assertTrue(d <= 1e-4, tap + ": " + d);
        }
    }

    @Test
    void convertWritesAVerifiedGuideAndSaysSo() {
        Path sdz = dir.resolve("cnn.sdz");
        assertEquals(0, run("guide", "convert", GuideFixtures.file("onnx/cnn-functional.onnx").toString(), "--sample",
                GuideFixtures.file("inputs.csv").toString(), "--reference", GuideFixtures.file("ref-cnn-functional").toString(),
                "--out", sdz.toString()), err.toString());
        assertTrue(out.toString().startsWith(sdz + ": 10 taps verified against "), out.toString());
        assertTrue(out.toString().contains("\n  add  [4, 12, 12]  max abs difference "), out.toString());
        assertEquals(0, run("guide", "inspect", sdz.toString()), err.toString());
    }

    @Test
    void convertRefusalsAreOneLineUsageErrors() {
        Path onnx = GuideFixtures.file("onnx/hardswish.onnx");
        Path sdz = dir.resolve("x.sdz");
        assertEquals(2, run("guide", "convert", onnx.toString(), "--sample", GuideFixtures.file("inputs.csv").toString(),
                "--reference", GuideFixtures.file("ref-cnn-functional").toString(), "--out", sdz.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("error: " + onnx + ": node '/model/act/HardSigmoid' (HardSigmoid): "), err.toString());
        assertTrue(!java.nio.file.Files.exists(sdz));
        assertEquals(2, run("guide", "inspect", GuideFixtures.file("onnx/resnet.onnx").toString()));
        assertTrue(err.toString().contains("an ONNX file: convert it to a .sdz guide first with `guidance-lab guide convert"), err.toString());
    }

    /** An experiment names a converted ONNX guide by file, as it names an h5: it validates and runs. */
    @Test
    void anExperimentWithAnSdzGuideValidatesAndRuns() throws Exception {
        Path sdz = GuideFixtures.file("onnx/small-cnn-28.sdz");
        String json = java.nio.file.Files.readString(Path.of("presets", "imported-guide.json")).replace(
                "\"file\": \"guides/small-cnn-keras.h5\"", "\"file\": \"" + sdz.toString().replace("\\", "/") + "\"");
        assertTrue(json.contains(sdz.getFileName().toString()), "the preset names its guide as expected");
        Path exp = dir.resolve("sdz-guide.json");
        java.nio.file.Files.writeString(exp, json);
        assertEquals(0, run("validate", exp.toString()), out + "\n" + err);
        Path runs = dir.resolve("runs");
        assertEquals(0, run("run", exp.toString(), "--steps", "2", "--arms", "guided", "--out", runs.toString()), err.toString());
        Path folder;
        try (var s = java.nio.file.Files.list(runs)) {
            folder = s.findFirst().orElseThrow();
        }
        String metrics = java.nio.file.Files.readString(folder.resolve("metrics.csv"));
        assertEquals(3, metrics.lines().count(), metrics);
    }
}
