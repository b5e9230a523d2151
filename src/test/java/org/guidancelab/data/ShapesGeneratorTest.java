package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShapesGeneratorTest {

    private static ShapesGenerator.Settings settings(int train, long seed, boolean colour) {
        ShapesGenerator.Settings d = ShapesGenerator.Settings.defaults();
        return new ShapesGenerator.Settings(train, 50, 30, seed, colour, d.noise(), d.maxRotationDegrees(),
                d.minScale(), d.maxScale());
    }

    @Test
    void grayscaleHasTheStatedShapesAndSizes() {
        TaskData d = ShapesGenerator.generate(settings(120, 1, false));
        assertArrayEquals(new int[] {1, 28, 28}, d.inputShape());
        assertEquals(10, d.classes());
        assertEquals(1, d.labelsPerExample());
        assertFalse(d.tokens());
        assertEquals(120, d.train().size());
        assertEquals(120 * 784, d.train().x().length);
        assertEquals(120, d.train().y().length);
        assertEquals(50, d.validation().size());
        assertEquals(30 * 784, d.test().x().length);
    }

    @Test
    void colourVariantIsThreeBy32By32() {
        TaskData d = ShapesGenerator.generate(settings(20, 1, true));
        assertArrayEquals(new int[] {3, 32, 32}, d.inputShape());
        assertEquals(20 * 3 * 32 * 32, d.train().x().length);
    }

    @Test
    void sameSeedGivesIdenticalDataAndAnotherSeedDoesNot() {
        TaskData a = ShapesGenerator.generate(settings(40, 7, false));
        TaskData b = ShapesGenerator.generate(settings(40, 7, false));
        TaskData c = ShapesGenerator.generate(settings(40, 8, false));
        assertArrayEquals(a.train().x(), b.train().x());
        assertArrayEquals(a.train().y(), b.train().y());
        assertArrayEquals(a.test().x(), b.test().x());
        assertFalse(Arrays.equals(a.train().x(), c.train().x()));
    }

    @Test
    void labelsAreExactlyBalanced() {
        TaskData d = ShapesGenerator.generate(settings(200, 3, false));
        int[] counts = new int[10];
        for (int y : d.train().y()) {
            counts[y]++;
        }
        for (int c : counts) {
            assertEquals(20, c);
        }
        // 50 validation examples: five of each class.
        int[] v = new int[10];
        for (int y : d.validation().y()) {
            v[y]++;
        }
        for (int c : v) {
            assertEquals(5, c);
        }
    }

    @Test
    void trainingSplitIsStandardisedPerChannel() {
        TaskData d = ShapesGenerator.generate(settings(100, 2, true));
        float[] x = d.train().x();
        int area = 32 * 32;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double sumSq = 0;
            for (int e = 0; e < 100; e++) {
                for (int p = 0; p < area; p++) {
                    double v = x[e * 3 * area + c * area + p];
                    sum += v;
                    sumSq += v * v;
                }
            }
            double n = 100.0 * area;
            assertEquals(0.0, sum / n, 1e-3);
            assertEquals(1.0, sumSq / n, 1e-3);
        }
    }

    @Test
    void validationExamplesDoNotDependOnTheTrainingSize() {
        TaskData small = ShapesGenerator.generate(settings(30, 4, false));
        TaskData large = ShapesGenerator.generate(settings(90, 4, false));
        assertArrayEquals(small.validation().y(), large.validation().y());
        // Values differ only by the standardisation (train statistics), so compare the ordering of pixels.
        float[] a = small.validation().x();
        float[] b = large.validation().x();
        for (int i = 1; i < 784; i++) {
            assertEquals(Float.compare(a[i], a[i - 1]), Float.compare(b[i], b[i - 1]), "pixel " + i);
        }
    }

    @Test
    void shapesSitAtManyDifferentPositions() {
        // The task is meant to be translation-heavy: the centre of ink of same-class examples must spread out.
        ShapesGenerator.Settings d = ShapesGenerator.Settings.defaults();
        TaskData data = ShapesGenerator.generate(new ShapesGenerator.Settings(200, 0, 0, 5, false, 0.0,
                d.maxRotationDegrees(), d.minScale(), d.maxScale()));
        double minX = 28;
        double maxX = 0;
        float[] x = data.train().x();
        for (int e = 0; e < 200; e++) {
            if (data.train().y()[e] != 0) {
                continue;
            }
            float floor = Float.POSITIVE_INFINITY;
            for (int p = 0; p < 784; p++) {
                floor = Math.min(floor, x[e * 784 + p]);
            }
            double wx = 0;
            double w = 0;
            for (int p = 0; p < 784; p++) {
                double ink = x[e * 784 + p] - floor;
                wx += ink * (p % 28);
                w += ink;
            }
            double cx = wx / w;
            minX = Math.min(minX, cx);
            maxX = Math.max(maxX, cx);
        }
        assertTrue(maxX - minX > 8, "circle centres span only " + (maxX - minX) + " pixels");
    }

    @Test
    void everyClassDrawsInk() {
        ShapesGenerator.Settings d = ShapesGenerator.Settings.defaults();
        TaskData data = ShapesGenerator.generate(new ShapesGenerator.Settings(10, 0, 0, 11, false, 0.0,
                d.maxRotationDegrees(), d.minScale(), d.maxScale()));
        for (int e = 0; e < 10; e++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int p = 0; p < 784; p++) {
                min = Math.min(min, data.train().x()[e * 784 + p]);
                max = Math.max(max, data.train().x()[e * 784 + p]);
            }
            assertTrue(max - min > 1.0, "class " + data.train().y()[e] + " is blank");
        }
    }
}
