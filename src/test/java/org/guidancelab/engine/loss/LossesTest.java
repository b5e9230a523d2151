package org.guidancelab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossesTest {

    @Test
    void crossEntropyOfUniformLogitsIsLogClassesAndGradientIsSoftmaxMinusOneHot() {
        INDArray z = Nd4j.zeros(DataType.DOUBLE, 2, 4);
        INDArray d = Nd4j.create(DataType.DOUBLE, 2, 4);
        LossValue v = SoftmaxCrossEntropy.compute(z, new int[] {1, 3}, d);
        assertEquals(Math.log(4), v.value(), 1e-12);
        assertEquals(2, v.counted());
        assertEquals((0.25 - 1) / 2, d.getDouble(0, 1), 1e-12);
        assertEquals(0.25 / 2, d.getDouble(0, 0), 1e-12);
    }

    @Test
    void maskedPositionsAddNothingAndTheMeanIsOverCountedOnes() {
        INDArray z = Nd4j.createFromArray(new double[][] {{2, 0, 0}, {50, -50, 3}, {0, 1, 0}});
        INDArray d = Nd4j.create(DataType.DOUBLE, 3, 3);
        LossValue masked = SoftmaxCrossEntropy.compute(z, new int[] {0, -1, 1}, d);
        double row0 = -Math.log(Math.exp(2) / (Math.exp(2) + 2));
        double row2 = -Math.log(Math.E / (Math.E + 2));
        assertEquals((row0 + row2) / 2, masked.value(), 1e-12);
        assertEquals(2, masked.counted());
        assertEquals(0.0, d.getRow(1).norm2Number().doubleValue());
        LossValue none = SoftmaxCrossEntropy.compute(z, new int[] {-1, -1, -1}, d);
        assertEquals(0.0, none.value());
        assertEquals(0, none.counted());
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferences() {
        INDArray z = Nd4j.rand(DataType.DOUBLE, 5, 3).muli(4).subi(2);
        int[] labels = {0, 2, -1, 1, 1};
        INDArray d = Nd4j.create(DataType.DOUBLE, 5, 3);
        SoftmaxCrossEntropy.compute(z, labels, d);
        checkGradient(z, d, a -> SoftmaxCrossEntropy.compute(a, labels, null).value());
    }

    @Test
    void badLabelsNameTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.compute(Nd4j.zeros(DataType.FLOAT, 2, 3), new int[] {0, 3}, null));
        assertEquals("cross-entropy: label 3 at row 1 is outside 0..2 (or -1 for masked)", e.getMessage());
    }

    @Test
    void distillationIsZeroAgainstItselfAndMatchesTheDefinition() {
        INDArray s = Nd4j.createFromArray(new double[][] {{1, 2, 0.5}});
        INDArray t = Nd4j.createFromArray(new double[][] {{0, 3, -1}});
        INDArray d = Nd4j.create(DataType.DOUBLE, 1, 3);
        assertEquals(0.0, Distillation.compute(s, s, 2.0, null, d).value(), 1e-12);
        assertEquals(0.0, d.norm2Number().doubleValue(), 1e-12);
        double temp = 2.0;
        double[] ps = softmax(new double[] {0.5, 1, 0.25});
        double[] pt = softmax(new double[] {0, 1.5, -0.5});
        double kl = 0;
        for (int c = 0; c < 3; c++) {
            kl += pt[c] * Math.log(pt[c] / ps[c]);
        }
        assertEquals(temp * temp * kl, Distillation.compute(s, t, temp, null, null).value(), 1e-12);
    }

    @Test
    void distillationGradientMatchesFiniteDifferencesWithMask() {
        INDArray s = Nd4j.rand(DataType.DOUBLE, 4, 5).muli(3);
        INDArray t = Nd4j.rand(DataType.DOUBLE, 4, 5).muli(3);
        int[] mask = {0, -1, 2, 1};
        INDArray d = Nd4j.create(DataType.DOUBLE, 4, 5);
        LossValue v = Distillation.compute(s, t, 3.0, mask, d);
        assertEquals(3, v.counted());
        assertEquals(0.0, d.getRow(1).norm2Number().doubleValue());
        checkGradient(s, d, a -> Distillation.compute(a, t, 3.0, mask, null).value());
    }

    @Test
    void accuracyCountsLabelledRowsOnly() {
        INDArray z = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {0, 1}, {5, 1}});
        assertEquals(2.0 / 3.0, Accuracy.of(z, new int[] {0, 1, 0, -1}), 1e-12);
        assertEquals(2, Accuracy.correct(z, new int[] {0, 1, 0, -1}));
        assertTrue(Double.isNaN(Accuracy.of(z, new int[] {-1, -1, -1, -1})));
    }

    static double[] softmax(double[] z) {
        double sum = 0;
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = Math.exp(z[i]);
            sum += out[i];
        }
        for (int i = 0; i < z.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    static void checkGradient(INDArray x, INDArray analytic, ToDoubleFunction<INDArray> f) {
        double h = 1e-6;
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.columns(); c++) {
                double old = x.getDouble(r, c);
                x.putScalar(r, c, old + h);
                double up = f.applyAsDouble(x);
                x.putScalar(r, c, old - h);
                double down = f.applyAsDouble(x);
                x.putScalar(r, c, old);
                assertEquals((up - down) / (2 * h), analytic.getDouble(r, c), 1e-7, "d/dz[" + r + "," + c + "]");
            }
        }
    }
}
