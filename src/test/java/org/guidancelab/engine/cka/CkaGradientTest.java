package org.guidancelab.engine.cka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CkaGradientTest {

    static double[][] gaussian(Random r, int n, int d) {
        double[][] m = new double[n][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    static INDArray nd(double[][] m) {
        return Nd4j.createFromArray(m).castTo(DataType.DOUBLE);
    }

    @ParameterizedTest
    @EnumSource(CkaForm.class)
    void ckaOfAMatrixWithItselfIsOne(CkaForm form) {
        INDArray x = nd(gaussian(new Random(1), 20, 7));
        assertEquals(1.0, new CkaGradient(form).value(x, x), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(CkaForm.class)
    void invariantToOrthogonalTransformIsotropicScalingAndShiftButNotAnisotropicScaling(CkaForm form) {
        Random r = new Random(2);
        INDArray x = nd(gaussian(r, 30, 6));
        INDArray y = nd(gaussian(r, 30, 5));
        CkaGradient cka = new CkaGradient(form);
        double base = cka.value(x, y);
        // Orthogonal Q from the QR decomposition of a random matrix (Gram-Schmidt in plain Java).
        double[][] q = orthogonal(gaussian(r, 6, 6));
        INDArray xq = x.mmul(nd(q)).muli(-3.5).addi(2.0);
        assertEquals(base, cka.value(xq, y), 1e-10);
        INDArray aniso = x.mulRowVector(Nd4j.createFromArray(1.0, 10.0, 0.1, 1.0, 5.0, 0.3));
        assertTrue(Math.abs(cka.value(aniso, y) - base) > 1e-3, "anisotropic scaling must change CKA");
    }

    @Test
    void bothFormsMatchPlainDoubleJava() {
        Random r = new Random(3);
        for (int[] shape : new int[][] {{16, 3, 40}, {50, 20, 8}, {8, 100, 90}}) {
            double[][] x = gaussian(r, shape[0], shape[1]);
            double[][] y = gaussian(r, shape[0], shape[2]);
            for (int i = 0; i < shape[0]; i++) {
                y[i][0] += 2 * x[i][0]; // some shared structure, so CKA is not tiny
            }
            double expected = PlainCka.biased(x, y);
            assertEquals(expected, new CkaGradient(CkaForm.FEATURE).value(nd(x), nd(y)), 1e-10);
            assertEquals(expected, new CkaGradient(CkaForm.GRAM).value(nd(x), nd(y)), 1e-10);
            assertEquals(expected, GramCka.cka(x, y, CkaEstimator.BIASED), 1e-10);
        }
    }

    @Test
    void floatComputationAgreesWithDouble() {
        Random r = new Random(4);
        double[][] x = gaussian(r, 64, 32);
        double[][] y = gaussian(r, 64, 48);
        double expected = PlainCka.biased(x, y);
        INDArray xf = nd(x).castTo(DataType.FLOAT);
        INDArray yf = nd(y).castTo(DataType.FLOAT);
        assertEquals(expected, new CkaGradient(CkaForm.FEATURE).value(xf, yf), 1e-5);
        assertEquals(expected, new CkaGradient(CkaForm.GRAM).value(xf, yf), 1e-5);
    }

    @Test
    void cheaperFormFollowsTheShapes() {
        assertEquals(CkaForm.FEATURE, CkaForm.cheaper(512, 128, 128));
        assertEquals(CkaForm.GRAM, CkaForm.cheaper(128, 16 * 28 * 28, 128));
        CkaGradient auto = new CkaGradient();
        auto.value(Nd4j.rand(DataType.FLOAT, 8, 300), Nd4j.rand(DataType.FLOAT, 8, 200));
        assertEquals(CkaForm.GRAM, auto.lastForm());
        auto.value(Nd4j.rand(DataType.FLOAT, 300, 8), Nd4j.rand(DataType.FLOAT, 300, 5));
        assertEquals(CkaForm.FEATURE, auto.lastForm());
    }

    @ParameterizedTest
    @EnumSource(CkaForm.class)
    void analyticGradientMatchesFiniteDifferences(CkaForm form) {
        Random r = new Random(5);
        int n = 12, p = 5, q = 4;
        double[][] x = gaussian(r, n, p);
        double[][] y = gaussian(r, n, q);
        for (int i = 0; i < n; i++) {
            y[i][1] += x[i][2];
        }
        INDArray dX = Nd4j.create(DataType.DOUBLE, n, p);
        CkaGradient cka = new CkaGradient(form);
        double v = cka.compute(nd(x), nd(y), dX);
        assertEquals(PlainCka.biased(x, y), v, 1e-10);
        double h = 1e-6;
        double maxRel = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double old = x[i][j];
                x[i][j] = old + h;
                double up = PlainCka.biased(x, y);
                x[i][j] = old - h;
                double down = PlainCka.biased(x, y);
                x[i][j] = old;
                double numeric = (up - down) / (2 * h);
                double analytic = dX.getDouble(i, j);
                maxRel = Math.max(maxRel, Math.abs(numeric - analytic) / Math.max(1e-4, Math.abs(numeric) + Math.abs(analytic)));
            }
        }
        assertTrue(maxRel < 1e-6, "max relative gradient error " + maxRel);
    }

    @ParameterizedTest
    @EnumSource(CkaForm.class)
    void scaledGradientIsWrittenOrAddedAndRepeatedCallsAgree(CkaForm form) {
        Random r = new Random(11);
        int n = 16, p = 6, q = 9;
        INDArray x = nd(gaussian(r, n, p));
        INDArray y1 = nd(gaussian(r, n, q));
        INDArray y2 = nd(gaussian(r, n, 3));
        INDArray g1 = Nd4j.create(DataType.DOUBLE, n, p);
        INDArray g2 = Nd4j.create(DataType.DOUBLE, n, p);
        CkaGradient a = new CkaGradient(form);
        CkaGradient b = new CkaGradient(form);
        double v1 = a.compute(x, y1, g1);
        double v2 = b.compute(x, y2, g2);
        // -0.5 g1 - 0.5 g2 into a buffer holding garbage: the first call overwrites, the second adds.
        INDArray acc = Nd4j.valueArrayOf(new long[] {n, p}, 7.0, DataType.DOUBLE);
        assertEquals(v1, a.compute(x, y1, acc, -0.5, false), 1e-12);
        assertEquals(v2, b.compute(x, y2, acc, -0.5, true), 1e-12);
        INDArray expected = g1.add(g2).muli(-0.5);
        assertEquals(0.0, acc.sub(expected).norm2Number().doubleValue(), 1e-12 * expected.norm2Number().doubleValue());
        // The Gram form reuses L's buffer for the gradient's n x n factor: a repeat must still see the true L.
        assertEquals(v1, a.compute(x, y1, g1), 1e-12);
    }

    @Test
    void constantTapGivesZeroNotNaN() {
        INDArray x = Nd4j.ones(DataType.DOUBLE, 10, 3);
        INDArray y = nd(gaussian(new Random(6), 10, 3));
        INDArray dX = Nd4j.create(DataType.DOUBLE, 10, 3);
        assertEquals(0.0, new CkaGradient().compute(x, y, dX));
        assertEquals(0.0, dX.norm2Number().doubleValue());
    }

    static double[][] orthogonal(double[][] a) {
        int d = a.length;
        double[][] q = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] v = a[i].clone();
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += v[j] * q[k][j];
                }
                for (int j = 0; j < d; j++) {
                    v[j] -= dot * q[k][j];
                }
            }
            double norm = 0;
            for (double e : v) {
                norm += e * e;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                v[j] /= norm;
            }
            q[i] = v;
        }
        return q;
    }
}
