package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.samediff.SameDiffModel;
import org.guidancelab.engine.train.ModelFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Transformer fast path against the SameDiff reference with the same parameters: outputs, taps and gradients. */
class TransformerFastModelTest {
    private static final int T = 6;
    private static final int VOCAB = 5;

    /** Embedding 8 (tapped or not), optional positions, two blocks (d 8, 2 heads, FF 12; the second tapped), head 4. */
    static NetworkSpec transformer(boolean positional, boolean causal, boolean tapInputs, double dropout) {
        List<LayerSpec> l = new ArrayList<>();
        l.add(Layers.Input.tokens("tokens", T, VOCAB));
        l.add(new Layers.Embedding("embed", VOCAB, 8, tapInputs));
        if (positional) {
            l.add(new Layers.PositionalEmbedding("pos", T + 2, tapInputs));
        }
        l.add(new Layers.TransformerBlock("block1", 8, 2, 12, causal, dropout, tapInputs));
        l.add(new Layers.TransformerBlock("block2", 8, 2, 12, causal, 0.0, true));
        l.add(new Layers.Output("logits", 4, true));
        return new NetworkSpec("transformer", l);
    }

    private static INDArray tokens(int n, long seed) {
        Random r = new Random(seed);
        float[] ids = new float[n * T];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.nextInt(VOCAB);
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
        List<NetworkSpec> specs = List.of(transformer(true, true, true, 0), transformer(false, true, false, 0),
                transformer(true, false, false, 0), transformer(false, false, true, 0));
        for (NetworkSpec spec : specs) {
            try (SameDiffModel ref = new SameDiffModel(spec, 17, DataType.FLOAT);
                 TransformerFastModel fast = new TransformerFastModel(ref)) {
                // Perturb every parameter, layer-norm gains and zero biases included, so each one matters.
                Nd4j.getRandom().setSeed(5);
                ref.params().addi(Nd4j.randn(DataType.FLOAT, ref.params().shape()).muli(0.1));
                fast.params().assign(ref.params());
                assertEquals(ref.tapNames(), fast.tapNames());
                for (int n : new int[] {3, 2, 4}) {
                    String where = spec.layers() + " n=" + n;
                    INDArray x = tokens(n, n);
                    Model.Forward r = ref.forward(x, true);
                    INDArray refLogits = r.logits().dup();
                    Map<String, INDArray> refTaps = new LinkedHashMap<>();
                    r.taps().forEach((k, v) -> refTaps.put(k, v.dup()));
                    Model.Forward f = fast.forward(x, true);
                    assertArrayEquals(new long[] {n * T, 4}, f.logits().shape());
                    assertClose(refLogits, f.logits(), 1e-5, "logits " + where);
                    for (String tap : ref.tapNames()) {
                        assertClose(refTaps.get(tap), f.taps().get(tap), 1e-5, "tap " + tap + " " + where);
                    }
                    INDArray dLogits = Nd4j.randn(DataType.FLOAT, n * T, 4);
                    Map<String, INDArray> dTaps = new LinkedHashMap<>();
                    for (String tap : ref.tapNames()) {
                        dTaps.put(tap, Nd4j.randn(DataType.FLOAT, refTaps.get(tap).shape()).muli(0.5));
                    }
                    ref.backward(dLogits, dTaps);
                    fast.backward(dLogits, dTaps);
                    assertTrue(fast.gradients().amaxNumber().doubleValue() > 0, "gradients reach the parameters");
                    assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients " + where);
                    ref.backward(dLogits, Map.of());
                    fast.backward(dLogits, Map.of());
                    assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients from logits only " + where);
                    ref.backward(null, dTaps);
                    fast.backward(null, dTaps);
                    assertClose(ref.gradients(), fast.gradients(), 1e-4, "gradients from taps only " + where);
                }
            }
        }
    }

    @Test
    void factoryUsesItWithTheReferenceWeightsAndNamesWhatDoesNotFit() {
        NetworkSpec spec = transformer(true, true, true, 0);
        try (Model m = ModelFactory.create(spec, 9); SameDiffModel ref = new SameDiffModel(spec, 9, DataType.FLOAT)) {
            assertInstanceOf(TransformerFastModel.class, m);
            assertTrue(ref.params().equalsWithEps(m.params(), 0.0));
        }
        NetworkSpec dropout = transformer(true, true, false, 0.1);
        assertFalse(TransformerFastModel.supports(dropout));
        assertEquals("layer 3 'block1' has dropout 0.1 (the Transformer fast path trains without dropout)",
                TransformerPlan.of(dropout).problem());
        try (Model m = ModelFactory.create(dropout, 9)) {
            assertInstanceOf(SameDiffModel.class, m);
        }
        try (SameDiffModel ref = new SameDiffModel(spec, 1, DataType.FLOAT);
             TransformerFastModel fast = new TransformerFastModel(ref)) {
            INDArray bad = tokens(2, 1);
            bad.putScalar(1, 3, 7);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fast.forward(bad, true));
            assertEquals("layer 1 'embed': token ids must be integers in [0, 4], got 7.0 at example 1, position 3", e.getMessage());
        }
    }
}
