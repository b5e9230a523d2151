package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Model seam as the trainer uses it: in-place parameters, upstream defaults, clear errors, quiet stdout. */
class SameDiffModelContractTest {
    private static final NetworkSpec MLP = net(Layers.Input.real("x", 4), Layers.Dense.of("h", 5, ActivationFn.TANH),
            new Layers.Output("out", 3, false));

    private static NetworkSpec net(LayerSpec... layers) {
        return new NetworkSpec("contract", List.of(layers));
    }

    private static INDArray x(int n, int d) {
        return Nd4j.randn(3L, new long[] {n, d}).castTo(DataType.DOUBLE);
    }

    @Test
    void updatingParamsInPlaceChangesTheNextForwardPass() {
        try (SameDiffModel m = new SameDiffModel(MLP, 1, DataType.DOUBLE)) {
            INDArray input = x(2, 4);
            INDArray before = m.forward(input, false).logits().dup();
            m.params().addi(0.1);
            INDArray after = m.forward(input, false).logits();
            assertNotEquals(before, after);
            m.params().subi(0.1);
            assertTrue(before.equalsWithEps(m.forward(input, false).logits(), 1e-12));
        }
    }

    @Test
    void returnedArraysStayValidAfterLaterCalls() {
        try (SameDiffModel m = new SameDiffModel(MLP, 1, DataType.DOUBLE)) {
            var first = m.forward(x(2, 4), true);
            INDArray logits = first.logits().dup();
            INDArray tap = first.taps().get("h").dup();
            m.backward(Nd4j.ones(DataType.DOUBLE, 2, 3), Map.of());
            INDArray grads = m.gradients().dup();
            m.forward(x(2, 4).addi(5), false);
            m.forward(x(2, 4).muli(-3), true);
            m.backward(Nd4j.ones(DataType.DOUBLE, 2, 3).muli(-2), Map.of());
            assertEquals(logits, first.logits(), "SameDiff must not recycle arrays it handed out");
            assertEquals(tap, first.taps().get("h"));
            assertNotEquals(grads, m.gradients());
        }
    }

    @Test
    void viewsAsInputsAndUpstreamGradientsGiveTheSameResultsAsCopies() {
        NetworkSpec conv = net(Layers.Input.real("x", 1, 4, 4), new Layers.Conv2D("c", 2, 3, 1, 1, ActivationFn.RELU, true),
                new Layers.Flatten("f", false), new Layers.Output("out", 3, false));
        try (SameDiffModel m = new SameDiffModel(conv, 1, DataType.DOUBLE)) {
            INDArray big = Nd4j.randn(6L, new long[] {10, 1, 4, 4}).castTo(DataType.DOUBLE);
            INDArray view = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 7));
            INDArray gradsBig = Nd4j.randn(7L, new long[] {3, 10}).castTo(DataType.DOUBLE);
            INDArray gradView = gradsBig.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6)).transpose();
            INDArray fromView = m.forward(view, true).logits().dup();
            m.backward(gradView, Map.of());
            INDArray gView = m.gradients().dup();
            INDArray fromCopy = m.forward(view.dup(), true).logits();
            m.backward(gradView.dup(), Map.of());
            assertEquals(fromCopy, fromView);
            assertEquals(m.gradients(), gView);
        }
    }

    @Test
    void absentUpstreamGradientsCountAsZeros() {
        try (SameDiffModel m = new SameDiffModel(MLP, 1, DataType.DOUBLE)) {
            INDArray input = x(3, 4);
            m.forward(input, true);
            INDArray dLogits = Nd4j.randn(4L, new long[] {3, 3}).castTo(DataType.DOUBLE);
            m.backward(dLogits, Map.of());
            INDArray implicit = m.gradients().dup();
            m.backward(dLogits, Map.of("h", Nd4j.zeros(DataType.DOUBLE, 3, 5)));
            assertEquals(implicit, m.gradients());

            // Only a tap gradient: the Output layer's parameters (the last 5*3 + 3) get exactly zero.
            m.backward(null, Map.of("h", Nd4j.ones(DataType.DOUBLE, 3, 5)));
            double[] g = m.gradients().toDoubleVector();
            for (int i = g.length - 18; i < g.length; i++) {
                assertEquals(0.0, g[i], 0.0, "output parameter " + i);
            }
            assertTrue(Math.abs(g[0]) > 0, "the tapped layer's weights get a gradient");
        }
    }

    @Test
    void backwardBeforeForwardAndUnknownTapsAreRejected() {
        try (SameDiffModel m = new SameDiffModel(MLP, 1, DataType.DOUBLE)) {
            assertThrows(IllegalStateException.class, () -> m.backward(null, Map.of()));
            m.forward(x(2, 4), true);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.backward(null, Map.of("nope", Nd4j.zeros(2, 5))));
            assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("[h]"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> m.backward(Nd4j.zeros(DataType.DOUBLE, 2, 4), null));
            assertTrue(e.getMessage().contains("dLogits") && e.getMessage().contains("[2, 4]"), e.getMessage());
        }
    }

    @Test
    void badInputsNameTheInputLayer() {
        try (SameDiffModel m = new SameDiffModel(MLP, 1, DataType.FLOAT)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.forward(Nd4j.zeros(2, 5), false));
            assertEquals("layer 0 'x' (Input): expected input [n, 4], got [2, 5]", e.getMessage());
        }
        NetworkSpec tokens = net(Layers.Input.tokens("ids", 3, 4), new Layers.Embedding("e", 4, 2, true),
                new Layers.Flatten("f", false), new Layers.Output("out", 2, false));
        try (SameDiffModel m = new SameDiffModel(tokens, 1, DataType.FLOAT)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.forward(Nd4j.create(new float[][] {{0, 1, 4}}), false));
            assertTrue(e.getMessage().startsWith("layer 0 'ids' (Input): token ids must be integers in [0, 4)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.forward(Nd4j.create(new float[][] {{0, 1.5f, 2}}), false));
        }
    }

    @Test
    void specMistakesNameTheLayerAndWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SameDiffModel(net(
                Layers.Input.real("x", 4), new Layers.Residual("res", List.of(Layers.Dense.of("in", 6, ActivationFn.RELU)),
                        Layers.Skip.IDENTITY, ActivationFn.RELU, true), new Layers.Output("out", 2, false)), 1, DataType.FLOAT));
        assertTrue(e.getMessage().startsWith("layer 1 'res' (Residual): an identity skip needs the block to keep the shape [4]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SameDiffModel(net(Layers.Input.real("x", 1, 4, 4),
                new Layers.Conv2D("c", 2, 5, 1, 0, ActivationFn.RELU, true), new Layers.Output("out", 2, false)), 1, DataType.FLOAT));
        assertEquals("layer 1 'c' (Conv2D): window 5 does not fit the input height 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SameDiffModel(net(Layers.Input.real("x", 1, 4, 4),
                new Layers.Output("out", 2, false)), 1, DataType.FLOAT));
        assertTrue(e.getMessage().startsWith("layer 1 'out' (Output): Output needs a vector [D], got [1, 4, 4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SameDiffModel(net(Layers.Input.real("x", 4),
                new Layers.Residual("res", List.of(new Layers.Dropout("d", 1.5, false)), Layers.Skip.IDENTITY, null, true),
                new Layers.Output("out", 2, false)), 1, DataType.FLOAT));
        assertEquals("layer 1 'res' (Residual), block layer 0 'd' (Dropout): rate must be in [0, 1), got 1.5", e.getMessage());
    }

    @Test
    void nothingIsPrintedOnStdout() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (SameDiffModel m = new SameDiffModel(net(Layers.Input.real("x", 1, 4, 4),
                new Layers.Conv2D("c", 2, 3, 1, 1, ActivationFn.RELU, true), new Layers.BatchNorm("bn", 0.1, 1e-5, false),
                new Layers.Flatten("f", false), new Layers.Output("out", 2, false)), 1, DataType.FLOAT)) {
            m.forward(Nd4j.rand(DataType.FLOAT, 2, 1, 4, 4), true);
            m.backward(Nd4j.ones(DataType.FLOAT, 2, 2), Map.of());
            m.forward(Nd4j.rand(DataType.FLOAT, 2, 1, 4, 4), false);
        } finally {
            System.setOut(original);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
