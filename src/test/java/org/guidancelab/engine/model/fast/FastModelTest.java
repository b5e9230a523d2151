package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.loss.SoftmaxCrossEntropy;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.train.ModelFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FastModelTest {

    static NetworkSpec mixedNet() {
        List<LayerSpec> layers = List.of(
                Layers.Input.real("in", 2, 3),
                new Layers.Reshape("r", List.of(6), false),
                Layers.Dense.of("d1", 5, ActivationFn.TANH),
                Layers.Dense.of("d2", 4, ActivationFn.RELU),
                new Layers.Activation("sig", ActivationFn.SIGMOID, true),
                new Layers.Dense("d3", 4, ActivationFn.GELU, false, true),
                new Layers.Flatten("flat", true),
                new Layers.Output("out", 3, false));
        return new NetworkSpec("mixed", layers);
    }

    /** Loss = CE + sum over taps of <R_tap, tap>: linear in the taps, so dLoss/dTap = R_tap. */
    static double loss(Model m, INDArray x, int[] labels, Map<String, INDArray> r) {
        Model.Forward f = m.forward(x, true);
        double v = SoftmaxCrossEntropy.compute(f.logits(), labels, null).value();
        for (Map.Entry<String, INDArray> e : r.entrySet()) {
            v += f.taps().get(e.getKey()).mul(e.getValue()).sumNumber().doubleValue();
        }
        return v;
    }

    @Test
    void gradientsMatchFiniteDifferencesInDouble() {
        FastModel m = new FastModel(mixedNet(), 7, DataType.DOUBLE);
        assertEquals(List.of("d1", "d2", "sig", "d3", "flat"), m.tapNames());
        assertEquals(6 * 5 + 5 + 5 * 4 + 4 + 4 * 4 + 4 * 3 + 3, m.params().length());
        INDArray x = Nd4j.randn(DataType.DOUBLE, 7, 2, 3);
        int[] labels = {0, 1, 2, 1, -1, 0, 2};
        Map<String, INDArray> r = new HashMap<>();
        for (String t : List.of("d1", "sig", "flat")) {
            long w = m.forward(x, true).taps().get(t).columns();
            r.put(t, Nd4j.randn(DataType.DOUBLE, 7, w).muli(0.3));
        }
        Model.Forward f = m.forward(x, true);
        INDArray dLogits = Nd4j.create(DataType.DOUBLE, 7, 3);
        SoftmaxCrossEntropy.compute(f.logits(), labels, dLogits);
        m.backward(dLogits, r);
        INDArray analytic = m.gradients().dup();
        INDArray p = m.params();
        double h = 1e-6;
        double worst = 0;
        for (int i = 0; i < p.length(); i++) {
            double old = p.getDouble(i);
            p.putScalar(i, old + h);
            double up = loss(m, x, labels, r);
            p.putScalar(i, old - h);
            double down = loss(m, x, labels, r);
            p.putScalar(i, old);
            double numeric = (up - down) / (2 * h);
            double err = Math.abs(numeric - analytic.getDouble(i)) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic.getDouble(i)));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-5, "worst relative gradient error " + worst);
    }

    @Test
    void flatLayoutIsWeightsInOutRowMajorThenBias() {
        NetworkSpec spec = new NetworkSpec("lin", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("d", 3, ActivationFn.IDENTITY), new Layers.Output("out", 1, false)));
        FastModel m = new FastModel(spec, 1, DataType.DOUBLE);
        // W = [[1,2,3],[4,5,6]], b = [0.5, -1, 2]; then Output W = [1,1,1]^T, b = 10.
        m.params().assign(Nd4j.createFromArray(1.0, 2, 3, 4, 5, 6, 0.5, -1, 2, 1, 1, 1, 10).reshape(1, 13));
        Model.Forward f = m.forward(Nd4j.createFromArray(new double[][] {{1, 1}, {2, 0}}), false);
        assertArrayEquals(new double[] {5.5, 6, 11}, f.taps().get("d").getRow(0).toDoubleVector(), 1e-12);
        assertArrayEquals(new double[] {2.5, 3, 8}, f.taps().get("d").getRow(1).toDoubleVector(), 1e-12);
        assertEquals(5.5 + 6 + 11 + 10, f.logits().getDouble(0, 0), 1e-12);
    }

    @Test
    void buffersAreReusedWhileTheBatchSizeIsUnchanged() {
        FastModel m = new FastModel(mixedNet(), 3, DataType.FLOAT);
        Model.Forward a = m.forward(Nd4j.rand(DataType.FLOAT, 4, 6), true);
        Model.Forward b = m.forward(Nd4j.rand(DataType.FLOAT, 4, 6), true);
        assertSame(a.logits(), b.logits());
        assertSame(a.taps().get("d1"), b.taps().get("d1"));
        Model.Forward c = m.forward(Nd4j.rand(DataType.FLOAT, 5, 6), true);
        assertEquals(5, c.logits().rows());
    }

    @Test
    void sameSeedSameParametersOtherSeedOtherParameters() {
        assertEquals(new FastModel(mixedNet(), 5, DataType.FLOAT).params(), new FastModel(mixedNet(), 5, DataType.FLOAT).params());
        assertNotEquals(new FastModel(mixedNet(), 5, DataType.FLOAT).params(), new FastModel(mixedNet(), 6, DataType.FLOAT).params());
    }

    @Test
    void dropoutMasksInTrainingOnlyAndRepeatsFromTheSameRandomState() {
        NetworkSpec spec = new NetworkSpec("drop", List.of(Layers.Input.real("in", 1000),
                new Layers.Dropout("drop", 0.25, true), new Layers.Output("out", 2, false)));
        FastModel m = new FastModel(spec, 9, DataType.FLOAT);
        INDArray x = Nd4j.ones(DataType.FLOAT, 2, 1000);
        assertEquals(x, m.forward(x, false).taps().get("drop"));
        m.setRandomState(4);
        INDArray first = m.forward(x, true).taps().get("drop").dup();
        long zeros = first.eq(0).castTo(DataType.INT32).sumNumber().longValue();
        assertEquals(500, zeros, 80, "about a quarter of 2000 values dropped");
        float kept = first.maxNumber().floatValue();
        assertEquals(1 / 0.75f, kept, 1e-6);
        m.setRandomState(4);
        assertEquals(first, m.forward(x, true).taps().get("drop"));
        assertNotEquals(first, m.forward(x, true).taps().get("drop"));
    }

    @Test
    void factoryPicksTheFastPathForMlpsAndExplainsWhatElseIsNeeded() {
        assertInstanceOf(FastModel.class, ModelFactory.create(mixedNet(), 1));
        NetworkSpec cnn = new NetworkSpec("cnn", List.of(Layers.Input.real("in", 1, 8, 8),
                Layers.Conv2D.same("c", 4, 3, ActivationFn.RELU), new Layers.BatchNorm("bn", 0.1, 1e-5, false),
                new Layers.Flatten("f", false), new Layers.Output("out", 2, false)));
        assertFalse(FastModel.supports(cnn));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FastModel(cnn, 1, DataType.FLOAT));
        assertEquals("network 'cnn' cannot use the fast path: layer 2 'bn' is a BatchNorm layer (the fast path has Dense, "
                + "Conv2D, MaxPool2D, AvgPool2D, GlobalAvgPool, Activation, Dropout, Flatten, Reshape, Output)", e.getMessage());
        NetworkSpec denseOnImage = new NetworkSpec("img", List.of(Layers.Input.real("in", 1, 4, 4),
                Layers.Dense.of("d", 3, ActivationFn.RELU)));
        assertFalse(FastModel.supports(denseOnImage));
    }

    @Test
    void wrongInputWidthIsNamed() {
        FastModel m = new FastModel(mixedNet(), 1, DataType.FLOAT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forward(Nd4j.rand(DataType.FLOAT, 3, 5), false));
        assertEquals("network 'mixed' expects 6 input values per example, got shape [3, 5]", e.getMessage());
    }
}
