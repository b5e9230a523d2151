package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.loss.SoftmaxCrossEntropy;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.samediff.SameDiffModel;
import org.guidancelab.engine.train.ModelFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The fast path against the SameDiff reference: same parameters copied in, same logits, taps, loss and gradients. */
class FastVsSameDiffTest {

    @Test
    void erfMatchesReferenceValues() {
        assertEquals(0.5204998778130465, Erf.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, Erf.erf(1.0), 1e-15);
        assertEquals(-0.9953222650189527, Erf.erf(-2.0), 1e-15);
        assertEquals(0.9999779095030014, Erf.erf(3.0), 1e-15);
        assertEquals(0.0, Erf.erf(0.0));
    }

    @Test
    void fastAndSameDiffAgreeOnEveryActivation() {
        NetworkSpec spec = FastModelTest.mixedNet();
        FastModel fast = new FastModel(spec, 3, DataType.FLOAT);
        try (SameDiffModel ref = new SameDiffModel(spec, 3, DataType.FLOAT)) {
            assertEquals(ref.params().length(), fast.params().length(), "same flat layout size");
            ref.params().assign(fast.params());
            INDArray x = Nd4j.randn(DataType.FLOAT, 9, 2, 3);
            int[] labels = {0, 1, 2, 2, 1, 0, -1, 1, 2};
            Model.Forward ff = fast.forward(x, true);
            Model.Forward rf = ref.forward(x, true);
            assertClose(rf.logits(), ff.logits(), 1e-5, "logits");
            for (String tap : fast.tapNames()) {
                assertClose(rf.taps().get(tap), ff.taps().get(tap), 1e-5, "tap " + tap);
            }
            INDArray dz = Nd4j.create(DataType.FLOAT, 9, 3);
            double fastLoss = SoftmaxCrossEntropy.compute(ff.logits(), labels, dz).value();
            double refLoss = SoftmaxCrossEntropy.compute(rf.logits(), labels, null).value();
            assertEquals(refLoss, fastLoss, 1e-5);
            Map<String, INDArray> dTaps = new HashMap<>();
            dTaps.put("d1", Nd4j.randn(DataType.FLOAT, 9, 5));
            dTaps.put("sig", Nd4j.randn(DataType.FLOAT, 9, 4));
            fast.backward(dz, dTaps);
            ref.backward(dz, dTaps);
            assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients");
        }
    }

    @Test
    void bothPathsStartFromBitIdenticalParameters() {
        NetworkSpec reluViaActivation = new NetworkSpec("relu-act", List.of(Layers.Input.real("in", 7),
                Layers.Dense.of("d1", 6, ActivationFn.IDENTITY), new Layers.Dropout("drop", 0.1, false),
                new Layers.Activation("relu", ActivationFn.RELU, true), Layers.Dense.of("d2", 5, ActivationFn.RELU),
                new Layers.Output("out", 3, false)));
        for (NetworkSpec spec : List.of(FastModelTest.mixedNet(), reluViaActivation)) {
            try (SameDiffModel ref = new SameDiffModel(spec, 11, DataType.FLOAT)) {
                assertEquals(ref.params(), new FastModel(spec, 11, DataType.FLOAT).params(), spec.name());
            }
        }
    }

    @Test
    void factoryBuildsSameDiffForOtherLayers() {
        NetworkSpec cnn = new NetworkSpec("cnn", List.of(Layers.Input.real("in", 1, 6, 6),
                Layers.Conv2D.same("c", 2, 3, ActivationFn.RELU), new Layers.BatchNorm("bn", 0.1, 1e-5, false),
                new Layers.Flatten("f", false), new Layers.Output("out", 2, false)));
        try (Model m = ModelFactory.create(cnn, 1)) {
            assertInstanceOf(SameDiffModel.class, m);
        }
    }

    static void assertClose(INDArray expected, INDArray actual, double tol, String what) {
        assertEquals(List.of(expected.shape()[0], expected.length()), List.of(actual.shape()[0], actual.length()), what + " shape");
        double scale = Math.max(1.0, expected.amaxNumber().doubleValue());
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE).reshape(expected.shape())).amaxNumber().doubleValue();
        assertTrue(diff <= tol * scale, what + ": max difference " + diff);
    }
}
