package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.samediff.SameDiffModel;
import org.guidancelab.engine.train.ModelFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The recurrent fast path against the SameDiff reference with the same parameters: outputs, taps and gradients. */
class RecurrentFastModelTest {
    private static final int T = 6;

    static NetworkSpec rnn(boolean tapEmbedding) {
        return new NetworkSpec("rnn", List.of(
                Layers.Input.tokens("tokens", T, 5),
                new Layers.Embedding("embed", 5, 6, tapEmbedding),
                new Layers.SimpleRNN("rnn1", 7, true),
                new Layers.SimpleRNN("rnn2", 8, true),
                new Layers.Output("logits", 4, true)));
    }

    /** Two LSTMs of different widths (the first untapped), or an LSTM under a SimpleRNN. */
    static NetworkSpec lstm(boolean mixed) {
        return new NetworkSpec("lstm", List.of(
                Layers.Input.tokens("tokens", T, 5),
                new Layers.Embedding("embed", 5, 6, mixed),
                mixed ? new Layers.SimpleRNN("rnn1", 7, true) : new Layers.LSTM("lstm1", 7, false),
                new Layers.LSTM("lstm2", 8, true),
                new Layers.Output("logits", 4, true)));
    }

    private static INDArray tokens(int n, long seed) {
        Random r = new Random(seed);
        float[] ids = new float[n * T];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.nextInt(5);
        }
        return Nd4j.create(ids, new long[] {n, T}, 'c');
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        float[] e = expected.dup('c').data().asFloat();
        float[] a = actual.dup('c').data().asFloat();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tol * (1 + Math.abs(e[i])), what + " [" + i + "]");
        }
    }

    @Test
    void forwardTapsAndGradientsEqualSameDiff() {
        for (NetworkSpec spec : List.of(rnn(true), rnn(false), lstm(false), lstm(true))) {
            try (SameDiffModel ref = new SameDiffModel(spec, 17, DataType.FLOAT);
                 RecurrentFastModel fast = new RecurrentFastModel(ref, DataType.FLOAT)) {
                Nd4j.getRandom().setSeed(5);
                ref.params().addi(Nd4j.randn(DataType.FLOAT, ref.params().shape()).muli(0.1));
                fast.params().assign(ref.params());
                assertEquals(ref.tapNames(), fast.tapNames());
                for (int n : new int[] {3, 2}) {
                    INDArray x = tokens(n, n);
                    Model.Forward r = ref.forward(x, true);
                    INDArray refLogits = r.logits().dup();
                    Map<String, INDArray> refTaps = new LinkedHashMap<>();
                    r.taps().forEach((k, v) -> refTaps.put(k, v.dup()));
                    Model.Forward f = fast.forward(x, true);
                    assertArrayEquals(new long[] {n * T, 4}, f.logits().shape());
                    assertClose(refLogits, f.logits(), 1e-5, "logits");
                    for (String tap : ref.tapNames()) {
                        assertClose(refTaps.get(tap), f.taps().get(tap), 1e-5, "tap " + tap);
                    }
                    INDArray dLogits = Nd4j.randn(DataType.FLOAT, n * T, 4);
                    Map<String, INDArray> dTaps = new LinkedHashMap<>();
                    for (String tap : ref.tapNames()) {
                        dTaps.put(tap, Nd4j.randn(DataType.FLOAT, refTaps.get(tap).shape()).muli(0.5));
                    }
                    ref.backward(dLogits, dTaps);
                    fast.backward(dLogits, dTaps);
                    assertTrue(fast.gradients().amaxNumber().doubleValue() > 0, spec.name() + ": gradients reach the parameters");
                    assertClose(ref.gradients(), fast.gradients(), 1e-4, spec.name() + " gradients (n=" + n + ")");
                    // Logits only, and taps only, each reach every parameter block the same way.
                    ref.backward(dLogits, Map.of());
                    fast.backward(dLogits, Map.of());
                    assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients from logits only");
                    ref.backward(null, dTaps);
                    fast.backward(null, dTaps);
                    assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients from taps only");
                }
            }
        }
    }

    @Test
    void factoryUsesItWithTheReferenceWeightsAndNamesWhatDoesNotFit() {
        try (Model m = ModelFactory.create(rnn(false), 9); SameDiffModel ref = new SameDiffModel(rnn(false), 9, DataType.FLOAT)) {
            assertInstanceOf(RecurrentFastModel.class, m);
            assertTrue(ref.params().equalsWithEps(m.params(), 0.0));
        }
        try (Model m = ModelFactory.create(lstm(false), 9); SameDiffModel ref = new SameDiffModel(lstm(false), 9, DataType.FLOAT)) {
            assertInstanceOf(RecurrentFastModel.class, m);
            assertTrue(ref.params().equalsWithEps(m.params(), 0.0));
        }
        NetworkSpec dropout = new NetworkSpec("drop", List.of(Layers.Input.tokens("t", T, 5),
                new Layers.Embedding("e", 5, 6, false), new Layers.Dropout("d", 0.1, false), new Layers.LSTM("l", 4, true),
                new Layers.Output("o", 5, true)));
        assertFalse(RecurrentFastModel.supports(dropout));
        assertEquals("layer 2 'd' is not a SimpleRNN or LSTM", RecurrentPlan.of(dropout).problem());
        try (SameDiffModel ref = new SameDiffModel(rnn(false), 1, DataType.FLOAT);
             RecurrentFastModel fast = new RecurrentFastModel(ref, DataType.FLOAT)) {
            INDArray bad = tokens(2, 1);
            bad.putScalar(1, 3, 7);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fast.forward(bad, true));
            assertEquals("layer 1 'embed': token ids must be integers in [0, 4], got 7.0 at example 1, position 3", e.getMessage());
        }
    }
}
