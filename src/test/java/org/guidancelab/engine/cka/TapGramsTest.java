package org.guidancelab.engine.cka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    private static void assertSameAsReference(CkaMatrix fast, Map<String, INDArray> rows, Map<String, INDArray> cols,
                                              CkaEstimator e, double tolerance) {
        CkaMatrix plain = CkaMatrices.between(CkaMatrices.prepare(rows, e), CkaMatrices.prepare(cols, e), e);
        for (int i = 0; i < plain.rows(); i++) {
            for (int j = 0; j < plain.columns(); j++) {
                assertEquals(plain.get(i, j), fast.get(i, j), tolerance, e + " cell " + i + "," + j);
            }
        }
    }

    @Test
    void unbiasedHoldsAtTheHeatmapProbeSize() {
        Random r = new Random(10);
        int n = 512;
        Map<String, INDArray> t = new LinkedHashMap<>();
        Map<String, INDArray> g = new LinkedHashMap<>();
        t.put("t0", relu(CkaGradientTest.gaussian(r, n, 128)));
        t.put("t1", relu(CkaGradientTest.gaussian(r, n, 7)));
        g.put("g0", relu(CkaGradientTest.gaussian(r, n, 256)));
        assertSameAsReference(t, g, CkaEstimator.UNBIASED);
    }

    @ParameterizedTest
    @EnumSource(CkaEstimator.class)
    void selfHeatmapIsExactlySymmetricAndEqualsTheReference(CkaEstimator e) {
        // g.against(g) takes the symmetric-product path (syrk over the stacked triangles): only its upper half is
        // computed, the lower half mirrored, so the matrix is symmetric to the bit.
        Random r = new Random(12);
        Map<String, INDArray> t = taps(r, "t", 3, 50, 8, 120, 1);
        TapGrams g = TapGrams.of(t, e);
        CkaMatrix self = g.against(g);
        for (int i = 0; i < self.rows(); i++) {
            assertEquals(1.0, self.get(i, i), 1e-5, e + " diagonal " + i);
            for (int j = 0; j < self.columns(); j++) {
                assertEquals(self.get(i, j), self.get(j, i), 0.0, e + " cells " + i + "," + j + " and " + j + "," + i);
            }
        }
        assertSameAsReference(self, t, t, e, 1e-5);
        // and the general path (two distinct sides holding the same taps) gives the same values
        CkaMatrix general = g.against(TapGrams.of(t, e));
        assertSameAsReference(general, t, t, e, 1e-5);
    }

    @ParameterizedTest
    @EnumSource(CkaEstimator.class)
    void valuesDoNotDependOnTheThreadCount(CkaEstimator e) {
        Random r = new Random(13);
        Map<String, INDArray> t = taps(r, "t", 5, 40, 17, 64, 3, 90, 33);
        Map<String, INDArray> g = taps(r, "g", 12, 70);
        TapGrams cols = TapGrams.of(g, e, null, 1);
        double[][] one = TapGrams.of(t, e, null, 1).against(cols).values();
        for (int threads : new int[] {2, 3, 4}) {
            TapGrams rows = TapGrams.of(t, e, null, threads);
            double[][] many = rows.against(TapGrams.of(g, e, null, threads)).values();
            for (int i = 0; i < one.length; i++) {
                assertArrayEquals(one[i], many[i], 0.0, e + " " + threads + " threads, row " + i);
            }
            TapGrams single = TapGrams.of(t, e, null, 1);
            double[][] selfOne = single.against(single).values();
            double[][] selfMany = rows.against(rows).values();
            for (int i = 0; i < selfOne.length; i++) {
                assertArrayEquals(selfOne[i], selfMany[i], 0.0, e + " self, " + threads + " threads, row " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CkaEstimator.class)
    void recycledArraysGiveTheSameValuesAndRetireTheOldGrams(CkaEstimator e) {
        Random r = new Random(14);
        Map<String, INDArray> a = taps(r, "t", 6, 20);
        Map<String, INDArray> b = taps(r, "t", 9, 11);
        Map<String, INDArray> g = taps(r, "g", 4);
        TapGrams cols = TapGrams.of(g, e);
        TapGrams first = TapGrams.of(a, e);
        double[][] fresh = TapGrams.of(b, e).against(cols).values();
        TapGrams second = TapGrams.of(b, e, first);
        double[][] reused = second.against(cols).values();
        for (int i = 0; i < fresh.length; i++) {
            assertArrayEquals(fresh[i], reused[i], 0.0);
        }
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> first.against(cols));
        assertEquals("these Grams were overwritten by a newer TapGrams.of(.., previous)", x.getMessage());
        assertThrows(IllegalStateException.class, () -> cols.against(first));
        // a previous of another shape is left alone
        TapGrams other = TapGrams.of(taps(r, "t", 6), e);
        TapGrams third = TapGrams.of(b, e, other);
        assertEquals(1, other.against(cols).rows());
        assertArrayEquals(fresh[0], third.against(cols).values()[0], 0.0);
    }

    @ParameterizedTest
    @EnumSource(CkaEstimator.class)
    void tapsWiderThanTheBatchAndSmallBatchesMatchTheReference(CkaEstimator e) {
        Random r = new Random(15);
        for (int n : new int[] {4, 5, 9}) {
            Map<String, INDArray> t = new LinkedHashMap<>();
            Map<String, INDArray> g = new LinkedHashMap<>();
            t.put("wide", CkaGradientTest.nd(CkaGradientTest.gaussian(r, n, 300)).castTo(DataType.FLOAT));
            t.put("one", CkaGradientTest.nd(CkaGradientTest.gaussian(r, n, 1)).castTo(DataType.FLOAT));
            g.put("g", CkaGradientTest.nd(CkaGradientTest.gaussian(r, n, 3)).castTo(DataType.FLOAT));
            CkaMatrix fast = TapGrams.of(t, e).against(TapGrams.of(g, e));
            assertSameAsReference(fast, t, g, e, 1e-5);
        }
    }

    @Test
    void doubleTapsAndStridedViewsAreRead() {
        Random r = new Random(16);
        INDArray wide = CkaGradientTest.nd(CkaGradientTest.gaussian(r, N, 20));
        Map<String, INDArray> t = new LinkedHashMap<>();
        t.put("double", wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8)));
        t.put("transposed", CkaGradientTest.nd(CkaGradientTest.gaussian(r, 6, N)).castTo(DataType.FLOAT).transpose());
        Map<String, INDArray> g = taps(r, "g", 5);
        for (CkaEstimator e : CkaEstimator.values()) {
            assertSameAsReference(TapGrams.of(t, e).against(TapGrams.of(g, e)), t, g, e, 1e-5);
        }
    }

    @Test
    void packedTriangleRowsFollowEachOther() {
        int n = 7;
        int expected = 0;
        for (int row = 0; row < n; row++) {
            assertEquals(expected, TapGrams.packedStart(row, n));
            expected += n - 1 - row;
        }
        assertEquals(n * (n - 1) / 2, expected);
    }
}
