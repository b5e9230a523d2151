package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return GuidanceLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void showPrintsShapeAndCountsAndWritesAGrid() throws Exception {
        Path png = dir.resolve("grid.png");
        int code = run("data", "show", "shapes", "-p", "train=20", "-p", "validation=10", "-p", "test=0",
                "--count", "9", "-o", png.toString());
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("input [1, 28, 28], classes 10, labels per example 1"), text);
        assertTrue(text.contains("train 20, validation 10, test 0"), text);
        assertTrue(text.contains("train label counts [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]"), text);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(3 * 60 + 4, img.getWidth());
    }

    @Test
    void showPrintsTokenExamples() {
        assertEquals(0, run("data", "show", "parity", "-p", "maxLength=4", "-p", "train=3", "--count", "3"));
        assertTrue(out.toString().contains(" ->  "), out.toString());
        assertEquals(3, out.toString().lines().filter(l -> l.startsWith("  ")).count(), out.toString());
    }

    @Test
    void badDatasetOrParameterIsReported() {
        assertEquals(2, run("data", "show", "shapez"));
        assertTrue(err.toString().contains("unknown dataset 'shapez'; known datasets: shapes"), err.toString());
        assertEquals(2, run("data", "show", "copy", "-p", "train=many"));
        assertTrue(err.toString().contains("parameter 'train' = \"many\" must be a number"), err.toString());
        assertEquals(2, run("data", "show", "copy", "-p", "train"));
    }

    @Test
    void listShowsEveryDatasetWithDefaults() {
        assertEquals(0, run("data", "list"));
        String text = out.toString();
        assertTrue(text.contains("copy: copy-paste"), text);
        assertTrue(text.contains("    maxLength = 10"), text);
        assertTrue(text.contains("cifar10:"), text);
    }
}
