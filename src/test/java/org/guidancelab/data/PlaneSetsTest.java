package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlaneSetsTest {

    private static PlaneSets.Settings with(PlaneSets.Kind kind, int n, long seed, int classes) {
        PlaneSets.Settings d = PlaneSets.Settings.defaults(kind);
        return new PlaneSets.Settings(kind, n, 10, 10, seed, classes, d.noise(), d.turns(), d.spread());
    }

    @Test
    void eachSetIsTwoDimensionalBalancedAndDeterministic() {
        for (PlaneSets.Kind kind : PlaneSets.Kind.values()) {
            int classes = kind == PlaneSets.Kind.BLOBS ? 4 : 2;
            TaskData a = PlaneSets.generate(with(kind, 400, 1, classes));
            TaskData b = PlaneSets.generate(with(kind, 400, 1, classes));
            TaskData c = PlaneSets.generate(with(kind, 400, 2, classes));
            assertArrayEquals(new int[] {2}, a.inputShape(), kind.toString());
            assertEquals(classes, a.classes());
            assertEquals(800, a.train().x().length);
            assertArrayEquals(a.train().x(), b.train().x());
            assertFalse(Arrays.equals(a.train().x(), c.train().x()));
            int[] counts = new int[classes];
            for (int y : a.train().y()) {
                counts[y]++;
            }
            for (int n : counts) {
                assertEquals(400 / classes, n, kind.toString());
            }
        }
    }

    @Test
    void xorLabelsFollowTheSignsWithoutNoise() {
        TaskData d = PlaneSets.generate(with(PlaneSets.Kind.XOR, 300, 3, 2));
        for (int i = 0; i < 300; i++) {
            float x = d.train().x()[2 * i];
            float y = d.train().x()[2 * i + 1];
            int expected = (x > 0) != (y > 0) ? 1 : 0;
            assertEquals(expected, d.train().y()[i], "point " + i);
        }
    }

    @Test
    void blobsClusterAroundDistinctCentres() {
        TaskData d = PlaneSets.generate(with(PlaneSets.Kind.BLOBS, 600, 3, 3));
        double[][] mean = new double[3][2];
        for (int i = 0; i < 600; i++) {
            mean[d.train().y()[i]][0] += d.train().x()[2 * i] / 200.0;
            mean[d.train().y()[i]][1] += d.train().x()[2 * i + 1] / 200.0;
        }
        for (double[] m : mean) {
            assertEquals(2.0, Math.hypot(m[0], m[1]), 0.15, "centres lie on the circle of radius 2");
        }
    }

    @Test
    void spiralsStayInsideTheUnitDiscUpToNoise() {
        TaskData d = PlaneSets.generate(with(PlaneSets.Kind.SPIRALS, 500, 3, 2));
        for (int i = 0; i < 500; i++) {
            assertTrue(Math.hypot(d.train().x()[2 * i], d.train().x()[2 * i + 1]) < 1.2);
        }
    }
}
