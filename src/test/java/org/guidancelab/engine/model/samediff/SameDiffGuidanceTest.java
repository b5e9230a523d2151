package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.cka.CkaGradient;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The guidance term through SameDiff models: an RNN target pulled toward a frozen Transformer guide (the paper's
 * copy-paste pairing) with the engine's differentiable CKA feeding backward() through the tap.
 */
class SameDiffGuidanceTest {
    private static final NetworkSpec RNN = new NetworkSpec("rnn", List.of(Layers.Input.tokens("x", 5, 6),
            new Layers.Embedding("emb", 6, 6, false), new Layers.SimpleRNN("rnn", 8, true),
            new Layers.Output("out", 6, true)));
    private static final NetworkSpec TRANSFORMER = new NetworkSpec("tf", List.of(Layers.Input.tokens("x", 5, 6),
            new Layers.Embedding("emb", 6, 8, false), new Layers.PositionalEmbedding("pos", 5, false),
            new Layers.TransformerBlock("tf", 8, 2, 16, true, 0, true), new Layers.Output("out", 6, true)));

    private static INDArray tokens(int n, long seed, DataType dtype) {
        java.util.Random rng = new java.util.Random(seed);
        double[] v = new double[n * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(6);
        }
        return Nd4j.create(v, new long[] {n, 5}, dtype);
    }

    @Test
    void backwardOfOneMinusCkaMatchesFiniteDifferences() {
        try (SameDiffModel target = new SameDiffModel(RNN, 1, DataType.DOUBLE);
             SameDiffModel guide = new SameDiffModel(TRANSFORMER, 2, DataType.DOUBLE)) {
            INDArray x = tokens(8, 3, DataType.DOUBLE);
            INDArray guideTap = guide.forward(x, false).taps().get("tf");
            CkaGradient cka = new CkaGradient();
            INDArray tap = target.forward(x, true).taps().get("rnn");
            INDArray dTap = Nd4j.zeros(DataType.DOUBLE, tap.shape());
            cka.compute(tap, guideTap, dTap);
            target.backward(null, Map.of("rnn", dTap.neg()));   // d(1 - CKA) = -dCKA
            INDArray analytic = target.gradients().dup();

            double eps = 1e-5;
            java.util.Random rng = new java.util.Random(4);
            long p = target.params().length();
            for (int c = 0; c < 30; c++) {
                long i = (long) (rng.nextDouble() * p);
                double w = target.params().getDouble(0, i);
                target.params().putScalar(0, i, w + eps);
                double plus = 1 - cka.value(target.forward(x, true).taps().get("rnn"), guideTap);
                target.params().putScalar(0, i, w - eps);
                double minus = 1 - cka.value(target.forward(x, true).taps().get("rnn"), guideTap);
                target.params().putScalar(0, i, w);
                double numeric = (plus - minus) / (2 * eps);
                double a = analytic.getDouble(0, i);
                assertEquals(numeric, a, 1e-4 * Math.max(Math.max(Math.abs(a), Math.abs(numeric)), 1e-3), "param " + i);
            }
        }
    }

    @Test
    void alignmentOnlyTrainingRaisesCkaToTheFrozenGuide() {
        try (SameDiffModel target = new SameDiffModel(RNN, 5, DataType.FLOAT);
             SameDiffModel guide = new SameDiffModel(TRANSFORMER, 6, DataType.FLOAT)) {
            INDArray x = tokens(32, 7, DataType.FLOAT);
            INDArray guideParams = guide.params().dup();
            INDArray guideTap = guide.forward(x, false).taps().get("tf");
            CkaGradient cka = new CkaGradient();
            long p = target.params().length();
            double[] m = new double[(int) p];
            double[] v = new double[(int) p];
            double first = 0;
            double last = 0;
            for (int step = 0; step < 40; step++) {
                INDArray tap = target.forward(x, true).taps().get("rnn");
                INDArray dTap = Nd4j.zeros(DataType.FLOAT, tap.shape());
                double value = cka.compute(tap, guideTap, dTap);
                if (step == 0) {
                    first = value;
                }
                last = value;
                target.backward(null, Map.of("rnn", dTap.neg()));
                double[] g = target.gradients().toDoubleVector();
                double[] w = target.params().toDoubleVector();
                for (int i = 0; i < p; i++) {
                    m[i] = 0.9 * m[i] + 0.1 * g[i];
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                    w[i] -= 0.02 * (m[i] / (1 - Math.pow(0.9, step + 1))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, step + 1))) + 1e-8);
                }
                target.params().assign(Nd4j.create(w, new long[] {1, p}, DataType.FLOAT));
            }
            assertTrue(last > first + 0.1, "CKA went from " + first + " to " + last);
            assertEquals(guideParams, guide.params(), "the guide stays frozen");
        }
    }
}
