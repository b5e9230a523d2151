package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleGridTest {
    @TempDir
    Path dir;

    private static int distinctColours(BufferedImage img) {
        Set<Integer> s = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                s.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return s.size();
    }

    @Test
    void grayscaleGridHasOneCellPerExampleAndWritesAPng() throws Exception {
        TaskData d = DatasetFactory.create("shapes", Map.of("train", 16, "validation", 0, "test", 0));
        BufferedImage img = ExampleGrid.render(d, d.train(), 16);
        // 4 x 4 cells of 28*2 pixels plus padding 4, plus a label row of 14 pixels per cell.
        assertEquals(4 * (56 + 4) + 4, img.getWidth());
        assertEquals(4 * (56 + 4 + 14) + 4, img.getHeight());
        // First cell's pixels are gray levels (r == g == b) and span black to white after min-max scaling.
        int min = 255;
        int max = 0;
        for (int y = 4; y < 60; y++) {
            for (int x = 4; x < 60; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                assertEquals(r, rgb & 0xff);
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
        }
        assertEquals(0, min);
        assertEquals(255, max);
        File png = dir.resolve("grid.png").toFile();
        assertTrue(ImageIO.write(img, "png", png));
        assertEquals(img.getWidth(), ImageIO.read(png).getWidth());
    }

    @Test
    void colourImagesAreDrawnInColour() throws Exception {
        TaskData d = DatasetFactory.create("shapes-colour", Map.of("train", 4, "validation", 0, "test", 0));
        BufferedImage img = ExampleGrid.render(d, d.train(), 4);
        boolean coloured = false;
        for (int y = 4; y < 68 && !coloured; y++) {
            for (int x = 4; x < 68; x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) != (rgb & 0xff)) {
                    coloured = true;
                    break;
                }
            }
        }
        assertTrue(coloured);
    }

    @Test
    void scatterColoursPointsByClass() throws Exception {
        TaskData d = DatasetFactory.create("blobs", Map.of("classes", 4));
        BufferedImage img = ExampleGrid.render(d, d.train(), 0);
        assertEquals(480, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        for (int c = 0; c < 4; c++) {
            assertTrue(colours.contains(ExampleGrid.classColour(c)), "class " + c + " drawn");
        }
        assertTrue(!colours.contains(ExampleGrid.classColour(4)), "no fifth class");
    }

    @Test
    void tokenRowsAndFeatureRowsRender() throws Exception {
        TaskData copy = DatasetFactory.create("copy", Map.of("train", 5, "maxLength", 4));
        BufferedImage img = ExampleGrid.render(copy, copy.train(), 5);
        assertEquals(4 + 9 * 16 + 4, img.getWidth());
        assertEquals(4 + 5 * (2 * 16 + 8), img.getHeight());
        assertTrue(distinctColours(img) > 5);
    }

    @Test
    void featureRowsUseDivergingColours() {
        TaskData d = new TaskData("features", new int[] {3}, false, 0, 2, 1,
                new Split(2, new float[] {-3, 0, 3, 1, 1, 1}, new int[] {0, 1}), Splits.empty(), Splits.empty());
        BufferedImage img = ExampleGrid.render(d, d.train(), 2);
        int cell = 12;
        assertEquals(0x0000ff, img.getRGB(4 + 1, 4 + 1) & 0xffffff, "-3 saturates to blue");
        assertEquals(0xffffff, img.getRGB(4 + cell + 1, 4 + 1) & 0xffffff, "0 is white");
        assertEquals(0xff0000, img.getRGB(4 + 2 * cell + 1, 4 + 1) & 0xffffff, "+3 saturates to red");
    }

    @Test
    void tokenTextReadsLikeTheDefinition() {
        float[] x = {4, 7, 1, 10, 4, 7, 1, 11, 11};
        int[] y = {-1, -1, -1, 4, 7, 1, -1, -1, -1};
        TaskData d = new TaskData("copy (test)", new int[] {9}, true, 12, 10, 9, new Split(1, x, y),
                Splits.empty(), Splits.empty());
        assertEquals("4 7 1 COPY 4 7 1 PAD PAD  ->  . . . 4 7 1 . . .", TokenText.render(d, d.train(), 0));
        TaskData p = new TaskData("parity (test)", new int[] {6}, true, 3, 2, 1,
                new Split(1, new float[] {1, 0, 1, 1, 2, 2}, new int[] {1}), Splits.empty(), Splits.empty());
        assertEquals("1 0 1 1 PAD PAD  ->  1", TokenText.render(p, p.train(), 0));
    }
}
