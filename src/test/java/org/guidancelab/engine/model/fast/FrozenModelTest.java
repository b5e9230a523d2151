package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.dnnl.ConvRoute;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.samediff.SameDiffModel;
import org.guidancelab.engine.train.ModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The forward-only path for frozen guides against the SameDiff reference with the same parameters. */
class FrozenModelTest {

    /** The fcn-cnn bench guide's layer kinds at a small size, plus stride, padding 0, average pooling, dropout. */
    static NetworkSpec smallCnn() {
        return new NetworkSpec("cnn", List.of(
                Layers.Input.real("x", 2, 13, 13),
                new Layers.Conv2D("c1", 4, 3, 1, 1, ActivationFn.RELU, true),
                new Layers.Conv2D("c2", 6, 3, 2, 0, ActivationFn.TANH, false),
                new Layers.MaxPool2D("p2", 2, 2, true),
                new Layers.Conv2D("c3", 5, 2, 1, 1, ActivationFn.IDENTITY, true),
                new Layers.AvgPool2D("p3", 2, 1, true),
                new Layers.Flatten("flat", false),
                new Layers.Dropout("drop", 0.3, false),
                new Layers.Dense("fc", 7, ActivationFn.RELU, true, true),
                new Layers.Output("logits", 3, false)));
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        float[] e = expected.dup('c').data().asFloat();
        float[] a = actual.dup('c').data().asFloat();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-5 + 1e-5 * Math.abs(e[i]), what + " [" + i + "]");
        }
    }

    private static void assertSameForward(Model reference, Model frozen, INDArray x) {
        Model.Forward r = reference.forward(x, false);
        Map<String, INDArray> refTaps = Map.copyOf(r.taps());
        INDArray refLogits = r.logits().dup();
        Model.Forward f = frozen.forward(x, false);
        assertEquals(List.copyOf(refTaps.keySet()).size(), f.taps().size());
        assertEquals(reference.tapNames(), frozen.tapNames());
        for (String tap : reference.tapNames()) {
            assertClose(refTaps.get(tap), f.taps().get(tap), "tap " + tap);
        }
        assertClose(refLogits, f.logits(), "logits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onednn", "im2col"})
    void convPoolDenseForwardEqualsSameDiffInEvalMode(String route) {
        ConvRoute.on(route, () -> {
            try (SameDiffModel ref = new SameDiffModel(smallCnn(), 11, DataType.FLOAT);
                 FrozenModel frozen = new FrozenModel(ref, DataType.FLOAT)) {
                assertEquals(List.of("c1", "p2", "c3", "p3", "fc"), frozen.tapNames());
                Nd4j.getRandom().setSeed(4);
                assertSameForward(ref, frozen, Nd4j.randn(DataType.FLOAT, 9, 2, 13, 13));
                // A second batch size reallocates the buffers; results still match.
                assertSameForward(ref, frozen, Nd4j.randn(DataType.FLOAT, 4, 2, 13, 13));
                // A view of rows (not at offset 0) as the input.
                INDArray rows = Nd4j.randn(DataType.FLOAT, 12, 2 * 13 * 13);
                assertSameForward(ref, frozen, rows.get(NDArrayIndex.interval(3, 9), NDArrayIndex.all())
                        .reshape(6, 2, 13, 13));
            }
        });
    }

    @Test
    void paramsWrittenAfterConstructionAreUsedLikeALoadedGuide() {
        try (SameDiffModel ref = new SameDiffModel(smallCnn(), 11, DataType.FLOAT);
             FrozenModel frozen = new FrozenModel(ref, DataType.FLOAT)) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 5, 2, 13, 13);
            INDArray before = frozen.forward(x, false).logits().dup();
            Nd4j.getRandom().setSeed(9);
            INDArray loaded = Nd4j.randn(DataType.FLOAT, ref.params().shape()).muli(0.3);
            ref.params().assign(loaded);
            frozen.params().assign(loaded);
            assertSameForward(ref, frozen, x);
            assertFalse(before.equalsWithEps(frozen.forward(x, false).logits(), 1e-4));
        }
    }

    @Test
    void theFactoryGivesFrozenConvGuidesTheSameWeightsAsTheTrainableModel() {
        NetworkSpec spec = smallCnn();
        try (Model trainable = ModelFactory.create(spec, 5); Model frozen = ModelFactory.createFrozen(spec, 5)) {
            assertInstanceOf(FrozenModel.class, frozen);
            assertTrue(trainable.params().equalsWithEps(frozen.params(), 0.0));
            assertSameForward(trainable, frozen, Nd4j.rand(DataType.FLOAT, 3, 2, 13, 13));
        }
        NetworkSpec mlp = new NetworkSpec("mlp", List.of(Layers.Input.real("x", 6),
                Layers.Dense.of("d", 4, ActivationFn.RELU), new Layers.Output("o", 2, false)));
        try (Model m = ModelFactory.createFrozen(mlp, 5)) {
            assertInstanceOf(FastModel.class, m, "MLPs keep the fast trainable path, already gemm-only");
        }
        NetworkSpec lstm = new NetworkSpec("seq", List.of(Layers.Input.tokens("t", 6, 5),
                new Layers.Embedding("e", 5, 8, false), new Layers.LSTM("r", 8, true),
                new Layers.Output("o", 5, true)));
        assertFalse(FrozenModel.supports(lstm));
        try (Model m = ModelFactory.createFrozen(lstm, 5)) {
            assertInstanceOf(RecurrentFastModel.class, m, "LSTMs keep the recurrent trainable path");
        }
        NetworkSpec neither = new NetworkSpec("seq", List.of(Layers.Input.tokens("t", 6, 5),
                new Layers.Embedding("e", 5, 8, false), new Layers.Dropout("d", 0.1, false),
                new Layers.LSTM("r", 8, true), new Layers.Output("o", 5, true)));
        try (Model m = ModelFactory.createFrozen(neither, 5)) {
            assertInstanceOf(SameDiffModel.class, m);
        }
    }

    @Test
    void backwardIsRefusedAndBadInputIsNamed() {
        try (SameDiffModel ref = new SameDiffModel(smallCnn(), 1, DataType.FLOAT);
             FrozenModel frozen = new FrozenModel(ref, DataType.FLOAT)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> frozen.backward(null, Map.of()));
            assertEquals("network 'cnn' is a frozen (forward-only) model: it takes no gradient", e.getMessage());
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> frozen.forward(Nd4j.rand(DataType.FLOAT, 2, 1, 13, 13), false));
            assertEquals("network 'cnn' expects 338 input values per example, got shape [2, 1, 13, 13]", bad.getMessage());
        }
        NetworkSpec bn = new NetworkSpec("bn", List.of(Layers.Input.real("x", 1, 6, 6),
                new Layers.Conv2D("c", 2, 3, 1, 1, ActivationFn.RELU, true), new Layers.BatchNorm("bn", 0.1, 1e-5, true),
                new Layers.Flatten("f", false), new Layers.Output("o", 2, false)));
        assertFalse(FrozenModel.supports(bn));
    }

    static NetworkSpec smallTransformer(boolean causal) {
        return new NetworkSpec("tf", List.of(
                Layers.Input.tokens("tokens", 7, 5),
                new Layers.Embedding("embed", 5, 8, true),
                new Layers.PositionalEmbedding("pos", 9, false),
                new Layers.TransformerBlock("block1", 8, 2, 12, causal, 0.1, true),
                new Layers.TransformerBlock("block2", 8, 2, 12, causal, 0.0, true),
                new Layers.Output("logits", 5, true)));
    }

    private static INDArray tokens(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] ids = new float[n * 7];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.nextInt(5);
        }
        return Nd4j.create(ids, new long[] {n, 7}, 'c');
    }

    @Test
    void transformerForwardEqualsSameDiffInEvalModeCausalOrNot() {
        for (boolean causal : new boolean[] {true, false}) {
            try (SameDiffModel ref = new SameDiffModel(smallTransformer(causal), 21, DataType.FLOAT);
                 FrozenModel frozen = new FrozenModel(ref, DataType.FLOAT)) {
                // Non-trivial biases and norms too: the reference initialises them to 0 and 1.
                Nd4j.getRandom().setSeed(causal ? 1 : 2);
                ref.params().addi(Nd4j.randn(DataType.FLOAT, ref.params().shape()).muli(0.2));
                frozen.params().assign(ref.params());
                assertEquals(List.of("embed", "block1", "block2"), frozen.tapNames());
                assertSameForward(ref, frozen, tokens(6, 3));
                assertArrayEquals(new long[] {6 * 7, 5}, frozen.forward(tokens(6, 3), false).logits().shape());
                assertSameForward(ref, frozen, tokens(2, 4));
            }
        }
        try (Model m = ModelFactory.createFrozen(smallTransformer(true), 3)) {
            assertInstanceOf(FrozenModel.class, m);
        }
    }

    @Test
    void outOfRangeTokenIsNamedWithLayerExampleAndPosition() {
        try (SameDiffModel ref = new SameDiffModel(smallTransformer(true), 21, DataType.FLOAT);
             FrozenModel frozen = new FrozenModel(ref, DataType.FLOAT)) {
            INDArray x = tokens(3, 5);
            x.putScalar(2, 4, 5);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> frozen.forward(x, false));
            assertEquals("layer 1 'embed': token ids must be integers in [0, 4], got 5.0 at example 2, position 4",
                    e.getMessage());
        }
    }
}
