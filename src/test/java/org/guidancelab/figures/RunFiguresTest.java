package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.guidancelab.engine.train.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFiguresTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryFigureOfARunWithItsCsv() throws Exception {
        List<Path> files = RunFigures.writeAll(SyntheticRun.run("deep FCN"), dir, ExportFormat.PNG, 1.0);
        List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
        for (String expected : List.of("deep-FCN_loss.png", "deep-FCN_loss.csv", "deep-FCN_accuracy.png",
                "deep-FCN_guidance-loss.png", "deep-FCN_pair-cka-guided-untrained-CNN.png",
                "deep-FCN_pair-cka-warmup-150.png", "deep-FCN_cka-warmup-150_step000600.png",
                "deep-FCN_cka-warmup-150-before-after_step000600.png",
                "deep-FCN_cka-warmup-150-before-after_step000600.csv",
                "deep-FCN_self-similarity-warmup-150_step000600.png")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
        assertEquals(names.size(), names.stream().distinct().count(), "no file written twice");
        for (Path f : files) {
            assertTrue(Files.size(f) > 200, f + " is not empty");
        }
        BufferedImage loss = ImageIO.read(dir.resolve("deep-FCN_loss.png").toFile());
        assertEquals(RunFigures.CURVE_WIDTH, loss.getWidth());
        assertEquals(RunFigures.CURVE_HEIGHT, loss.getHeight());
    }

    @Test
    void everyFigureOfARunIsWellFormedSvgWithItsAxisLabels() throws Exception {
        List<Path> files = RunFigures.writeAll(SyntheticRun.run("svg run"), dir, ExportFormat.SVG, 1.0);
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        int svgs = 0;
        for (Path p : files) {
            if (!p.toString().endsWith(".svg")) {
                continue;
            }
            svgs++;
            org.w3c.dom.Document doc = f.newDocumentBuilder().parse(p.toFile());
            String text = doc.getDocumentElement().getTextContent();
            String name = p.getFileName().toString();
            boolean heatmap = name.contains("_cka-") || name.contains("self-similarity");
            for (String label : heatmap ? List.of("Target layer", "CKA", "fc1") : List.of("Step")) {
                assertTrue(text.contains(label), label + " in " + name);
            }
        }
        assertEquals(files.size() / 2, svgs);
    }

    @Test
    void figuresWithoutDataAreSkipped() throws Exception {
        Curve loss = new Curve("alone", Metrics.TRAIN_LOSS, new double[] {1, 2}, new double[] {1.0, 0.5});
        RunFigureData run = new RunFigureData("lm", List.of("alone"), List.of(loss), List.of(), Map.of(), Map.of());
        List<Path> files = RunFigures.writeAll(run, dir, ExportFormat.SVG, 1.0);
        assertEquals(List.of("lm_loss.svg", "lm_loss.csv"), files.stream().map(p -> p.getFileName().toString())
                .toList());
    }
}
