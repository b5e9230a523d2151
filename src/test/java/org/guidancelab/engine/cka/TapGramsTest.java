package org.guidancelab.engine.cka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The one-gemm heatmap against the plain-Java Gram loops (the readable reference), for both estimators. */
class TapGramsTest {
    private static final int N = 37;

    private static Map<String, INDArray> taps(Random r, String prefix, int... widths) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (int i = 0; i < widths.length; i++) {
            m.put(prefix + i, CkaGradientTest.nd(CkaGradientTest.gaussian(r, N, widths[i])).castTo(DataType.FLOAT));
        }
        return m;
    }

    private static void assertSameAsReference(Map<String, INDArray> rows, Map<String, INDArray> cols, CkaEstimator e) {
        CkaMatrix fast = TapGrams.of(rows, e).against(TapGrams.of(cols, e));
        CkaMatrix plain = CkaMatrices.between(CkaMatrices.prepare(rows, e), CkaMatrices.prepare(cols, e), e);
        assertEquals(plain.rowTaps(), fast.rowTaps());
        assertEquals(plain.columnTaps(), fast.columnTaps());
        for (int i = 0; i < plain.rows(); i++) {
            for (int j = 0; j < plain.columns(); j++) {
                assertEquals(plain.get(i, j), fast.get(i, j), tolerance(e), e + " cell " + i + "," + j);
            }
        }
    }

    /** Biased Grams are built in float (then paired in double); the unbiased path stays in double throughout. */
    private static double tolerance(CkaEstimator e) {
        return e == CkaEstimator.BIASED ? 1e-6 : 1e-9;
    }

    @Test
    void biasedHeatmapEqualsPairwiseGramLoops() {
        Random r = new Random(5);
        assertSameAsReference(taps(r, "t", 3, 50, 8, 120), taps(r, "g", 16, 2, 64), CkaEstimator.BIASED);
    }

    @Test
    void biasedFloatGramsHoldAtTheHeatmapProbeSize() {
        // The float Grams' rounding grows with n: check at the probe size heatmaps use (512), ReLU-like taps.
        Random r = new Random(9);
        int n = 512;
        Map<String, INDArray> t = new LinkedHashMap<>();
        Map<String, INDArray> g = new LinkedHashMap<>();
        t.put("t0", relu(CkaGradientTest.gaussian(r, n, 128)));
        t.put("t1", relu(CkaGradientTest.gaussian(r, n, 64)));
        g.put("g0", relu(CkaGradientTest.gaussian(r, n, 256)));
        g.put("g1", CkaGradientTest.nd(CkaGradientTest.gaussian(r, n, 16)).castTo(DataType.FLOAT));
        assertSameAsReference(t, g, CkaEstimator.BIASED);
    }

    private static INDArray relu(double[][] v) {
        return org.nd4j.linalg.ops.transforms.Transforms.relu(CkaGradientTest.nd(v), false).castTo(DataType.FLOAT);
    }

    @Test
    void unbiasedHeatmapEqualsPairwiseGramLoops() {
        Random r = new Random(6);
        assertSameAsReference(taps(r, "t", 4, 30, 70), taps(r, "g", 9, 40), CkaEstimator.UNBIASED);
    }

    @Test
    void relatedTapsScoreHigherAndSelfHeatmapHasUnitDiagonal() {
        Random r = new Random(7);
        Map<String, INDArray> t = taps(r, "t", 12, 20);
        // A scaled, shifted copy of t0 is perfectly aligned with it under linear CKA.
        t.put("copy", t.get("t0").mul(3.0).add(1.5));
        TapGrams g = TapGrams.of(t, CkaEstimator.BIASED);
        CkaMatrix self = g.against(g);
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, self.get(i, i), 1e-6);
        }
        assertEquals(1.0, self.get(0, 2), 1e-6);
        assertEquals(self.get(0, 1), self.get(1, 0), 1e-12);
    }

    @Test
    void constantTapGivesZeroNotNaN() {
        Random r = new Random(8);
        Map<String, INDArray> t = taps(r, "t", 5);
        Map<String, INDArray> g = new LinkedHashMap<>();
        g.put("flat", Nd4j.ones(DataType.FLOAT, N, 4));
        assertEquals(0.0, TapGrams.of(t, CkaEstimator.BIASED).against(TapGrams.of(g, CkaEstimator.BIASED)).get(0, 0));
    }

    @Test
    void mismatchedBatchesAreRejectedWithTheTapName() {
        Map<String, INDArray> t = new LinkedHashMap<>();
        t.put("a", Nd4j.rand(DataType.FLOAT, N, 3));
        t.put("b", Nd4j.rand(DataType.FLOAT, N + 1, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TapGrams.of(t, CkaEstimator.BIASED));
        assertEquals("tap 'b' has shape [38, 3], expected [37, features]", e.getMessage());
        assertEquals(List.of(), TapGrams.of(new LinkedHashMap<>(), CkaEstimator.BIASED).names());
    }
}
