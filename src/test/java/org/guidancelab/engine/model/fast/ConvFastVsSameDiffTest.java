package org.guidancelab.engine.model.fast;

import static org.guidancelab.engine.model.fast.FastVsSameDiffTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.bench.Workload;
import org.guidancelab.engine.dnnl.ConvRoute;
import org.guidancelab.engine.loss.SoftmaxCrossEntropy;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.samediff.SameDiffModel;
import org.guidancelab.engine.train.ModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast path's convolutional layers against the SameDiff reference: same initial parameters for a seed, and with
 * the same parameters the same logits, taps and parameter gradients, from the loss, from the taps and from both; on
 * both routes of the convolutions, oneDNN's primitives and the patch matrices.
 */
class ConvFastVsSameDiffTest {

    /** Stride 2, valid padding, a 5x5 kernel, every activation, both poolings, a ReLU as a layer of its own. */
    static NetworkSpec mixedConvNet() {
        return new NetworkSpec("mixed-conv", List.of(Layers.Input.real("in", 2, 13, 13),
                new Layers.Conv2D("c1", 4, 3, 2, 1, ActivationFn.RELU, true),
                new Layers.Conv2D("c2", 5, 5, 1, 1, ActivationFn.TANH, true),
                new Layers.MaxPool2D("p1", 2, 1, true),
                new Layers.Conv2D("c3", 6, 3, 1, 1, ActivationFn.IDENTITY, false),
                new Layers.Activation("relu", ActivationFn.RELU, true),
                new Layers.Conv2D("c4", 3, 1, 1, 0, ActivationFn.SIGMOID, true),
                new Layers.AvgPool2D("p2", 2, 2, true),
                new Layers.Flatten("flat", false),
                Layers.Dense.of("fc", 7, ActivationFn.RELU),
                new Layers.Output("out", 3, false)));
    }

    @Test
    void bothPathsStartFromBitIdenticalParameters() {
        for (NetworkSpec spec : List.of(mixedConvNet(), Workload.CONVNET.target())) {
            try (SameDiffModel ref = new SameDiffModel(spec, 11, DataType.FLOAT)) {
                assertEquals(ref.params(), new FastModel(spec, 11, DataType.FLOAT).params(), spec.name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"onednn", "im2col"})
    void mixedNetMatchesSameDiffFromLossTapsAndBoth(String route) {
        Nd4j.getRandom().setSeed(5);
        ConvRoute.on(route, () -> assertSamePass(mixedConvNet(), Nd4j.randn(DataType.FLOAT, 6, 2, 13, 13)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"onednn", "im2col"})
    void benchConvNetMatchesSameDiffFromLossTapsAndBoth(String route) {
        Nd4j.getRandom().setSeed(6);
        ConvRoute.on(route, () -> assertSamePass(Workload.CONVNET.target(), Nd4j.randn(DataType.FLOAT, 32, 1, 28, 28)));
    }

    @Test
    void aLayerKeepsTheKernelsOfItsRecentBatchSizes() {
        ConvRoute.on("onednn", () -> {
            ConvKernels kernels = new ConvKernels(new Im2col(8, 14, 14, 3, 1, 1), 8, true);
            var train = kernels.at(32);
            assertNotNull(train);
            assertSame(train, kernels.at(32));
            kernels.at(500);
            kernels.at(7);
            assertSame(train, kernels.at(32), "the three most recent sizes are kept");
            kernels.at(9);
            kernels.at(10);
            kernels.at(11);
            assertNotSame(train, kernels.at(32), "older sizes are closed and made again when met");
        });
        ConvRoute.on("im2col", () -> assertNull(new ConvKernels(new Im2col(8, 14, 14, 3, 1, 1), 8, true).at(32)));
    }

    @Test
    void closingFreesTheKernelsAndAClosedModelStillComputesTheSame() {
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.randn(DataType.FLOAT, 4, 2, 13, 13);
        FastModel fast = new FastModel(mixedConvNet(), 3, DataType.FLOAT);
        INDArray before = fast.forward(x, true).logits().dup();
        fast.close();
        assertEquals(before, fast.forward(x, true).logits(), "primitives made again after close");
        assertEquals(before, fast.forward(x.dup('f'), true).logits(), "an input not in C order is read as its values");
        FrozenModel frozen = new FrozenModel(fast, DataType.FLOAT);
        INDArray guide = frozen.forward(x, false).logits().dup();
        frozen.close();
        assertEquals(guide, frozen.forward(x, false).logits());
        fast.close();
    }

    @Test
    void batchesOfSeveralChunksMatchSameDiff() {
        // 8 x 28 x 28 maps: 56,448 patch values per example, so 40 examples take two chunks of the patch matrix.
        NetworkSpec wide = new NetworkSpec("wide", List.of(Layers.Input.real("in", 8, 28, 28),
                new Layers.Conv2D("c1", 8, 3, 1, 1, ActivationFn.RELU, true),
                new Layers.Conv2D("c2", 4, 3, 1, 1, ActivationFn.RELU, true),
                new Layers.GlobalAvgPool("gap", true), new Layers.Output("out", 3, false)));
        Nd4j.getRandom().setSeed(7);
        ConvRoute.on("im2col", () -> assertSamePass(wide, Nd4j.randn(DataType.FLOAT, 40, 8, 28, 28)));
    }

    @Test
    void factoryTrainsPlainConvNetsFastAndKeepsOtherPathsForTheRest() {
        try (Model m = ModelFactory.create(Workload.CONVNET.target(), 1)) {
            assertInstanceOf(FastModel.class, m);
        }
        try (Model m = ModelFactory.createFrozen(Workload.CONVNET.guide(), 1)) {
            assertInstanceOf(FrozenModel.class, m, "a frozen conv guide keeps the forward-only path");
        }
        NetworkSpec bn = new NetworkSpec("bn", List.of(Layers.Input.real("x", 1, 6, 6),
                new Layers.Conv2D("c", 2, 3, 1, 1, ActivationFn.RELU, true), new Layers.BatchNorm("bn", 0.1, 1e-5, true),
                new Layers.Flatten("f", false), new Layers.Output("o", 2, false)));
        try (Model m = ModelFactory.create(bn, 1)) {
            assertInstanceOf(SameDiffModel.class, m);
        }
        NetworkSpec gelu = new NetworkSpec("gelu", List.of(Layers.Input.real("x", 1, 6, 6),
                new Layers.Conv2D("c", 2, 3, 1, 1, ActivationFn.GELU, true),
                new Layers.Flatten("f", false), new Layers.Output("o", 2, false)));
        assertFalse(FastModel.supports(gelu), "GELU convolutions stay on SameDiff");
        assertEquals("layer 1 'c1' is a Conv2D in DOUBLE (the fast path's map layers compute in float)",
                FastNetworkPlan.of(mixedConvNet(), DataType.DOUBLE).problem());
    }

    /** Forward in training mode, then backward from the loss alone, the taps alone and both, each against SameDiff. */
    private static void assertSamePass(NetworkSpec spec, INDArray x) {
        FastModel fast = new FastModel(spec, 3, DataType.FLOAT);
        try (SameDiffModel ref = new SameDiffModel(spec, 3, DataType.FLOAT)) {
            ref.params().assign(fast.params());
            int n = (int) x.size(0);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % 3;
            }
            Model.Forward ff = fast.forward(x, true);
            Model.Forward rf = ref.forward(x, true);
            assertClose(rf.logits(), ff.logits(), 1e-5, "logits");
            assertEquals(ref.tapNames(), fast.tapNames());
            Map<String, INDArray> dTaps = new LinkedHashMap<>();
            for (String tap : fast.tapNames()) {
                assertClose(rf.taps().get(tap), ff.taps().get(tap), 1e-5, "tap " + tap);
                dTaps.put(tap, Nd4j.randn(DataType.FLOAT, rf.taps().get(tap).shape()).muli(0.1));
            }
            INDArray dz = Nd4j.create(DataType.FLOAT, n, ff.logits().size(1));
            SoftmaxCrossEntropy.compute(ff.logits(), labels, dz);
            fast.backward(dz, Map.of());
            ref.backward(dz, Map.of());
            assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients from the loss");
            fast.backward(null, dTaps);
            ref.backward(null, dTaps);
            assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients from the taps");
            fast.backward(dz, dTaps);
            ref.backward(dz, dTaps);
            assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients from both");
        }
    }
}
