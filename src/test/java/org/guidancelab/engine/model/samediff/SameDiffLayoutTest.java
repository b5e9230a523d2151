package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The flat parameter layout of the shared contract, checked by setting known parameters and recomputing the
 * forward pass by hand in plain Java: this is what lets the fast path and SameDiff exchange parameters.
 */
class SameDiffLayoutTest {
    private static final double TOL = 1e-10;

    private static NetworkSpec net(LayerSpec... layers) {
        return new NetworkSpec("layout", List.of(layers));
    }

    private static double[] randomParams(SameDiffModel m, long seed) {
        Random rng = new Random(seed);
        double[] p = new double[(int) m.params().length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussian() * 0.5;
        }
        m.params().assign(Nd4j.create(p, new long[] {1, p.length}, DataType.DOUBLE));
        return p;
    }

    @Test
    void denseIsXTimesWPlusBWithWRowMajorInByOut() {
        try (SameDiffModel m = new SameDiffModel(net(Layers.Input.real("x", 3), new Layers.Output("out", 2, false)), 1,
                DataType.DOUBLE)) {
            assertEquals(3 * 2 + 2, m.params().length());
            double[] p = randomParams(m, 4);
            double[] x = {0.3, -1.2, 2.0};
            INDArray logits = m.forward(Nd4j.create(x, new long[] {1, 3}, DataType.DOUBLE), false).logits();
            for (int j = 0; j < 2; j++) {
                double y = p[6 + j];
                for (int i = 0; i < 3; i++) {
                    y += x[i] * p[i * 2 + j];
                }
                assertEquals(y, logits.getDouble(0, j), TOL);
            }
        }
    }

    @Test
    void conv2dWeightsAreFiltersByChannelsByKernelThenBias() {
        Layers.Conv2D conv = new Layers.Conv2D("c", 2, 2, 1, 0, ActivationFn.IDENTITY, true);
        NetworkSpec spec = net(Layers.Input.real("x", 2, 3, 3), conv, new Layers.Flatten("f", false),
                new Layers.Output("out", 1, false));
        try (SameDiffModel m = new SameDiffModel(spec, 1, DataType.DOUBLE)) {
            double[] p = randomParams(m, 5);
            INDArray input = Nd4j.randn(7L, new long[] {1, 2, 3, 3}).castTo(DataType.DOUBLE);
            INDArray tap = m.forward(input, false).taps().get("c");
            assertArrayEquals(new long[] {1, 2 * 2 * 2}, tap.shape());
            for (int f = 0; f < 2; f++) {
                for (int oy = 0; oy < 2; oy++) {
                    for (int ox = 0; ox < 2; ox++) {
                        double y = p[2 * 2 * 2 * 2 + f];
                        for (int c = 0; c < 2; c++) {
                            for (int ky = 0; ky < 2; ky++) {
                                for (int kx = 0; kx < 2; kx++) {
                                    y += p[((f * 2 + c) * 2 + ky) * 2 + kx] * input.getDouble(0, c, oy + ky, ox + kx);
                                }
                            }
                        }
                        assertEquals(y, tap.getDouble(0, (f * 2 + oy) * 2 + ox), TOL, "filter " + f);
                    }
                }
            }
        }
    }

    @Test
    void simpleRnnIsWxThenWhThenB() {
        int d = 2;
        int u = 3;
        int t = 3;
        NetworkSpec spec = net(Layers.Input.real("x", t, d), new Layers.SimpleRNN("rnn", u, true),
                new Layers.SequencePool("last", Layers.PoolMode.LAST, false), new Layers.Output("out", 1, false));
        try (SameDiffModel m = new SameDiffModel(spec, 1, DataType.DOUBLE)) {
            double[] p = randomParams(m, 6);
            INDArray input = Nd4j.randn(8L, new long[] {1, t, d}).castTo(DataType.DOUBLE);
            INDArray tap = m.forward(input, false).taps().get("rnn");
            double[] h = new double[u];
            int wh = d * u;
            int b = wh + u * u;
            for (int s = 0; s < t; s++) {
                double[] next = new double[u];
                for (int j = 0; j < u; j++) {
                    double z = p[b + j];
                    for (int i = 0; i < d; i++) {
                        z += input.getDouble(0, s, i) * p[i * u + j];
                    }
                    for (int i = 0; i < u; i++) {
                        z += h[i] * p[wh + i * u + j];
                    }
                    next[j] = Math.tanh(z);
                    assertEquals(next[j], tap.getDouble(0, s * u + j), TOL, "step " + s + " unit " + j);
                }
                h = next;
            }
        }
    }

    @Test
    void lstmGatesAreInOrderInputForgetCellOutput() {
        int d = 2;
        int u = 2;
        int t = 3;
        NetworkSpec spec = net(Layers.Input.real("x", t, d), new Layers.LSTM("lstm", u, true),
                new Layers.Output("out", 1, true));
        try (SameDiffModel m = new SameDiffModel(spec, 1, DataType.DOUBLE)) {
            double[] p = randomParams(m, 7);
            INDArray input = Nd4j.randn(9L, new long[] {1, t, d}).castTo(DataType.DOUBLE);
            INDArray tap = m.forward(input, false).taps().get("lstm");
            int g4 = 4 * u;
            int wh = d * g4;
            int b = wh + u * g4;
            double[] h = new double[u];
            double[] c = new double[u];
            for (int s = 0; s < t; s++) {
                double[] z = new double[g4];
                for (int k = 0; k < g4; k++) {
                    z[k] = p[b + k];
                    for (int i = 0; i < d; i++) {
                        z[k] += input.getDouble(0, s, i) * p[i * g4 + k];
                    }
                    for (int i = 0; i < u; i++) {
                        z[k] += h[i] * p[wh + i * g4 + k];
                    }
                }
                for (int j = 0; j < u; j++) {
                    double in = sigmoid(z[j]);
                    double forget = sigmoid(z[u + j]);
                    double cell = Math.tanh(z[2 * u + j]);
                    double out = sigmoid(z[3 * u + j]);
                    c[j] = forget * c[j] + in * cell;
                    h[j] = out * Math.tanh(c[j]);
                    assertEquals(h[j], tap.getDouble(0, s * u + j), TOL, "step " + s + " unit " + j);
                }
            }
        }
    }

    @Test
    void transformerAndResidualParameterCountsFollowTheContract() {
        int dm = 8;
        int ff = 12;
        NetworkSpec tf = net(Layers.Input.tokens("x", 4, 5), new Layers.Embedding("e", 5, dm, false),
                new Layers.PositionalEmbedding("p", 6, false), new Layers.TransformerBlock("t", dm, 2, ff, true, 0, true),
                new Layers.Output("out", 3, true));
        long block = 4L * (dm * dm + dm) + 2 * dm + (dm * ff + ff) + (ff * dm + dm) + 2 * dm;
        try (SameDiffModel m = new SameDiffModel(tf, 1, DataType.FLOAT)) {
            assertEquals(5 * dm + 6 * dm + block + dm * 3 + 3, m.params().length());
        }
        NetworkSpec res = net(Layers.Input.real("x", 2, 6, 6), new Layers.Residual("r",
                List.of(new Layers.Conv2D("c", 4, 3, 2, 1, ActivationFn.RELU, false)), Layers.Skip.PROJECTION,
                ActivationFn.RELU, true), new Layers.GlobalAvgPool("g", false), new Layers.Output("out", 2, false));
        try (SameDiffModel m = new SameDiffModel(res, 1, DataType.FLOAT)) {
            assertEquals((4 * 2 * 9 + 4) + (4 * 2 + 4) + (4 * 2 + 2), m.params().length());
        }
    }

    @Test
    void batchNormParamsAreGammaThenBetaAndStateIsRunningMeanThenVar() {
        NetworkSpec spec = net(Layers.Input.real("x", 3), new Layers.BatchNorm("bn", 0.1, 1e-5, true),
                new Layers.Output("out", 2, false));
        try (SameDiffModel m = new SameDiffModel(spec, 1, DataType.DOUBLE)) {
            assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0},
                    m.params().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                            org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6)).toDoubleVector(), 0);
            assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, m.state().toDoubleVector(), 0);
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
