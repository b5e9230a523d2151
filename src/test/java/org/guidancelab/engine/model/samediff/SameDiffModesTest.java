package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Training vs eval behaviour of Dropout and BatchNorm, seeded determinism, and the causal mask. */
class SameDiffModesTest {
    private static NetworkSpec net(LayerSpec... layers) {
        return new NetworkSpec("modes", List.of(layers));
    }

    private static INDArray randn(long seed, long... shape) {
        return Nd4j.randn(seed, shape).castTo(DataType.DOUBLE);
    }

    @Test
    void sameSeedGivesBitIdenticalParamsAndOutputs() {
        TinyNets.Case c = TinyNets.all().stream().filter(x -> x.name().equals("TransformerBlock causal")).findFirst().orElseThrow();
        NetworkSpec withDropout = net(Layers.Input.real("x", 6), Layers.Dense.of("d", 8, ActivationFn.RELU),
                new Layers.Dropout("drop", 0.5, true), new Layers.Output("out", 2, false));
        for (NetworkSpec spec : List.of(c.spec(), withDropout)) {
            try (SameDiffModel a = new SameDiffModel(spec, 42, DataType.FLOAT);
                 SameDiffModel b = new SameDiffModel(spec, 42, DataType.FLOAT);
                 SameDiffModel other = new SameDiffModel(spec, 43, DataType.FLOAT)) {
                assertEquals(a.params(), b.params());
                assertNotEquals(a.params(), other.params());
                INDArray input = spec == withDropout ? Nd4j.randn(1L, new long[] {5, 6}).castTo(DataType.FLOAT)
                        : c.inputs(5, 1, DataType.FLOAT);
                for (int call = 0; call < 2; call++) {
                    assertEquals(a.forward(input, true).logits(), b.forward(input, true).logits(), "call " + call);
                }
            }
        }
        // The draws do not depend on the data type: DOUBLE holds exactly the values FLOAT rounds.
        try (SameDiffModel f = new SameDiffModel(withDropout, 7, DataType.FLOAT);
             SameDiffModel d = new SameDiffModel(withDropout, 7, DataType.DOUBLE)) {
            assertEquals(f.params(), d.params().castTo(DataType.FLOAT));
        }
    }

    @Test
    void dropoutDropsAndRescalesInTrainingOnlyAndIsTheIdentityInEval() {
        NetworkSpec spec = net(Layers.Input.real("x", 4), Layers.Dense.of("d", 500, ActivationFn.SIGMOID),
                new Layers.Dropout("drop", 0.25, true), new Layers.Output("out", 2, false));
        try (SameDiffModel m = new SameDiffModel(spec, 3, DataType.DOUBLE)) {
            INDArray x = randn(2, 4, 4);
            INDArray before = m.forward(x, false).taps().get("d");
            INDArray eval = m.forward(x, false).taps().get("drop");
            assertEquals(before, eval, "eval: dropout is the identity");

            INDArray train1 = m.forward(x, true).taps().get("drop");
            INDArray train2 = m.forward(x, true).taps().get("drop");
            assertNotEquals(train1, train2, "a new mask each training pass");
            long zeros = 0;
            for (long i = 0; i < train1.length(); i++) {
                double v = train1.getDouble(i);
                if (v == 0) {
                    zeros++;
                } else {
                    assertEquals(before.getDouble(i) / 0.75, v, 1e-12, "kept values are scaled by 1/(1-rate)");
                }
            }
            double fraction = zeros / (double) train1.length();
            assertTrue(fraction > 0.2 && fraction < 0.3, "dropped fraction " + fraction);
        }
    }

    @Test
    void restoringTheRandomStateReplaysTheSameDropoutMasks() {
        NetworkSpec spec = net(Layers.Input.real("x", 4), Layers.Dense.of("d", 50, ActivationFn.TANH),
                new Layers.Dropout("drop", 0.5, true), new Layers.Output("out", 2, false));
        try (SameDiffModel a = new SameDiffModel(spec, 3, DataType.DOUBLE);
             SameDiffModel b = new SameDiffModel(spec, 3, DataType.DOUBLE)) {
            INDArray x = randn(2, 3, 4);
            for (int i = 0; i < 3; i++) {
                a.forward(x, true);
            }
            a.forward(x, false);
            assertEquals(3, a.randomState(), "eval passes draw nothing");
            INDArray fourth = a.forward(x, true).taps().get("drop");
            b.setRandomState(3);
            assertEquals(fourth, b.forward(x, true).taps().get("drop"));
            assertNotEquals(fourth, b.forward(x, true).taps().get("drop"));
        }
    }

    @Test
    void geluIsExactNotTheTanhApproximation() {
        NetworkSpec spec = net(Layers.Input.real("x", 7), new Layers.Activation("g", ActivationFn.GELU, true),
                new Layers.Output("out", 2, false));
        try (SameDiffModel m = new SameDiffModel(spec, 3, DataType.DOUBLE)) {
            double[] x = {-3, -1.5, -0.5, 0, 0.5, 1.5, 3};
            INDArray y = m.forward(Nd4j.create(x, new long[] {1, 7}, DataType.DOUBLE), false).taps().get("g");
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                // Abramowitz-Stegun 7.1.26 is good to 1.5e-7, far inside the 2e-4 gap to the tanh form at 1.5.
                assertEquals(0.5 * v * (1 + erf(v / Math.sqrt(2))), y.getDouble(0, i), 1e-6, "gelu(" + v + ")");
            }
        }
    }

    private static double erf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double r = 1 - poly * Math.exp(-z * z);
        return z >= 0 ? r : -r;
    }

    @Test
    void batchNormUsesBatchStatisticsInTrainingAndRunningStatisticsInEval() {
        double eps = 1e-5;
        NetworkSpec spec = net(Layers.Input.real("x", 3), new Layers.BatchNorm("bn", 0.1, eps, true),
                new Layers.Output("out", 2, false));
        try (SameDiffModel m = new SameDiffModel(spec, 3, DataType.DOUBLE)) {
            INDArray x = randn(4, 6, 3).muli(2).addi(1);
            INDArray train = m.forward(x, true).taps().get("bn");
            double[] mean = new double[3];
            double[] var = new double[3];
            for (int j = 0; j < 3; j++) {
                INDArray col = x.getColumn(j);
                mean[j] = col.meanNumber().doubleValue();
                var[j] = col.sub(mean[j]).muli(col.sub(mean[j])).meanNumber().doubleValue();
                for (int i = 0; i < 6; i++) {
                    assertEquals((x.getDouble(i, j) - mean[j]) / Math.sqrt(var[j] + eps), train.getDouble(i, j), 1e-10);
                }
            }
            double[] state = m.state().toDoubleVector();
            for (int j = 0; j < 3; j++) {
                assertEquals(0.1 * mean[j], state[j], 1e-12, "running mean " + j);
                assertEquals(0.9 + 0.1 * var[j] * 6 / 5, state[3 + j], 1e-12, "running var (unbiased) " + j);
            }
            INDArray eval = m.forward(x, false).taps().get("bn");
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 6; i++) {
                    assertEquals((x.getDouble(i, j) - state[j]) / Math.sqrt(state[3 + j] + eps), eval.getDouble(i, j), 1e-10);
                }
            }
            assertArrayEquals(state, m.state().toDoubleVector(), 0, "eval passes leave the running statistics alone");
        }
    }

    @Test
    void batchNormOnImagesNormalisesEachChannelOverBatchAndSpace() {
        NetworkSpec spec = net(Layers.Input.real("x", 2, 3, 3), new Layers.BatchNorm("bn", 0.1, 1e-5, true),
                new Layers.Flatten("f", false), new Layers.Output("out", 2, false));
        try (SameDiffModel m = new SameDiffModel(spec, 3, DataType.DOUBLE)) {
            INDArray x = randn(5, 4, 2, 3, 3).muli(3).addi(-2);
            INDArray y = m.forward(x, true).taps().get("bn").reshape(4, 2, 3, 3);
            for (int c = 0; c < 2; c++) {
                INDArray channel = y.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(c)).dup();
                assertEquals(0, channel.meanNumber().doubleValue(), 1e-10);
                assertEquals(1, channel.mul(channel).meanNumber().doubleValue(), 1e-4);
            }
        }
    }

    @Test
    void causalMaskKeepsEarlierPositionsBlindToLaterTokens() {
        for (boolean causal : new boolean[] {true, false}) {
            NetworkSpec spec = net(Layers.Input.tokens("x", 5, 7), new Layers.Embedding("e", 7, 8, false),
                    new Layers.PositionalEmbedding("p", 5, false), new Layers.TransformerBlock("t", 8, 2, 16, causal, 0, true),
                    new Layers.Output("out", 3, true));
            try (SameDiffModel m = new SameDiffModel(spec, 5, DataType.DOUBLE)) {
                INDArray a = Nd4j.create(new double[][] {{1, 2, 3, 4, 5}});
                INDArray b = Nd4j.create(new double[][] {{1, 2, 3, 6, 0}});
                INDArray ya = m.forward(a.castTo(DataType.DOUBLE), false).taps().get("t").reshape(5, 8);
                INDArray yb = m.forward(b.castTo(DataType.DOUBLE), false).taps().get("t").reshape(5, 8);
                for (int pos = 0; pos < 3; pos++) {
                    boolean same = ya.getRow(pos).equalsWithEps(yb.getRow(pos), 1e-12);
                    assertEquals(causal, same, "position " + pos + ", causal=" + causal);
                }
                assertNotEquals(ya.getRow(3), yb.getRow(3));
            }
        }
    }
}
