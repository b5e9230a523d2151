package org.guidancelab.engine.cka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class CkaEstimatorsTest {

    @Test
    void independentGaussiansAreAboutTwoThirdsBiasedAndZeroUnbiased() {
        Random r = new Random(11);
        double[][] x = CkaGradientTest.gaussian(r, 256, 512);
        double[][] y = CkaGradientTest.gaussian(r, 256, 512);
        // Biased CKA of independent Gaussians tends to d / sqrt((n + d)^2 ...) ~ 0.67 at n = 256, d = 512.
        assertEquals(0.67, GramCka.cka(x, y, CkaEstimator.BIASED), 0.02);
        assertEquals(0.0, GramCka.cka(x, y, CkaEstimator.UNBIASED), 0.02);
    }

    @Test
    void unbiasedEstimatorOnAHandWorkedExample() {
        double[][] x = {{1}, {2}, {3}, {4}, {6}};
        double[][] y = {{1, 0}, {0, 1}, {1, 1}, {2, 0}, {0, 3}};
        // Worked from the U-statistic definition (sums over distinct index tuples), see bruteForceHsic1 below;
        // it is negative, which the unbiased estimator allows.
        double expected = -0.2958295987813782;
        assertEquals(expected, GramCka.cka(x, y, CkaEstimator.UNBIASED), 1e-12);
        double[][] k = GramCka.gram(x);
        double[][] l = GramCka.gram(y);
        double brute = bruteForceHsic1(k, l) / Math.sqrt(bruteForceHsic1(k, k) * bruteForceHsic1(l, l));
        assertEquals(expected, brute, 1e-12);
    }

    @Test
    void unbiasedNeedsFourExamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GramCka.cka(new double[][] {{1}, {2}, {3}}, new double[][] {{1}, {0}, {2}}, CkaEstimator.UNBIASED));
        assertEquals("the unbiased CKA estimator needs at least 4 examples, got 3", e.getMessage());
    }

    @Test
    void matrixBetweenTapsMatchesPairwiseCkaAndSelfMatrixHasUnitDiagonal() {
        Random r = new Random(12);
        Map<String, INDArray> a = new LinkedHashMap<>();
        Map<String, INDArray> b = new LinkedHashMap<>();
        double[][] a1 = CkaGradientTest.gaussian(r, 40, 6);
        double[][] a2 = CkaGradientTest.gaussian(r, 40, 9);
        double[][] b1 = CkaGradientTest.gaussian(r, 40, 3);
        a.put("d1", CkaGradientTest.nd(a1).castTo(DataType.FLOAT));
        a.put("d2", CkaGradientTest.nd(a2).castTo(DataType.FLOAT));
        b.put("conv", CkaGradientTest.nd(b1).castTo(DataType.FLOAT));
        CkaMatrix m = CkaMatrices.compute(a, b, CkaEstimator.BIASED);
        assertEquals(List.of("d1", "d2"), m.rowTaps());
        assertEquals(List.of("conv"), m.columnTaps());
        assertEquals(PlainCka.biased(a1, b1), m.get(0, 0), 1e-6);
        assertEquals(PlainCka.biased(a2, b1), m.get(1, 0), 1e-6);
        CkaMatrix self = CkaMatrices.compute(a, a, CkaEstimator.UNBIASED);
        assertEquals(1.0, self.get(0, 0), 1e-9);
        assertEquals(1.0, self.get(1, 1), 1e-9);
        assertEquals(self.get(0, 1), self.get(1, 0), 1e-12);
        assertEquals(GramCka.cka(a1, a2, CkaEstimator.UNBIASED), self.get(0, 1), 1e-5);
    }

    @Test
    void matrixValuesAreDefensiveCopies() {
        CkaMatrix m = new CkaMatrix(List.of("a"), List.of("b"), new double[][] {{0.5}}, CkaEstimator.BIASED);
        m.values()[0][0] = 9;
        assertArrayEquals(new double[] {0.5}, m.values()[0]);
    }

    /** HSIC_1 as a U-statistic over distinct index tuples (Song et al. 2012), O(n^4): the definition itself. */
    static double bruteForceHsic1(double[][] k, double[][] l) {
        int n = k.length;
        double t1 = 0, t2 = 0, t3 = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                t1 += k[i][j] * l[i][j];
                for (int q = 0; q < n; q++) {
                    if (q == i || q == j) {
                        continue;
                    }
                    t3 += k[i][j] * l[i][q];
                    for (int s = 0; s < n; s++) {
                        if (s != i && s != j && s != q) {
                            t2 += k[i][j] * l[q][s];
                        }
                    }
                }
            }
        }
        double p2 = n * (n - 1.0);
        double p3 = p2 * (n - 2.0);
        double p4 = p3 * (n - 3.0);
        return t1 / p2 + t2 / p4 - 2 * t3 / p3;
    }
}
