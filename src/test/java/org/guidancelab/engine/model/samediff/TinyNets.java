package org.guidancelab.engine.model.samediff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.Layers.Input;
import org.guidancelab.arch.NetworkSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tiny networks, at least one per layer type, with the shapes their logits and taps must have for a batch of
 * {@link #N} examples. Shared by the gradient-check, shape and training tests.
 */
final class TinyNets {
    static final int N = 4;

    /** One tiny network; {@code taps} maps each tapped layer to its features per example. */
    record Case(String name, NetworkSpec spec, long[] logitsShape, Map<String, Long> taps) {
        @Override
        public String toString() {
            return name;
        }

        Input input() {
            return (Input) spec.layer(0);
        }

        int classes() {
            return (int) logitsShape[1];
        }

        boolean perToken() {
            return logitsShape[0] != N;
        }

        /** Random inputs for {@code n} examples: Gaussian values, or token ids below the vocabulary size. */
        INDArray inputs(int n, long seed, DataType dtype) {
            Random rng = new Random(seed);
            Input in = input();
            long[] shape = new long[in.shape().size() + 1];
            shape[0] = n;
            long count = n;
            for (int i = 0; i < in.shape().size(); i++) {
                shape[i + 1] = in.shape().get(i);
                count *= shape[i + 1];
            }
            double[] v = new double[(int) count];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.kind() == Layers.InputKind.TOKENS ? rng.nextInt(in.vocabSize()) : rng.nextGaussian();
            }
            return Nd4j.create(v, shape, dtype);
        }
    }

    private TinyNets() {
    }

    private static Layers.Dense dense(String name, int units, ActivationFn fn) {
        return Layers.Dense.of(name, units, fn);
    }

    private static Layers.Conv2D conv(String name, int filters, int k, int stride, int pad, ActivationFn fn) {
        return new Layers.Conv2D(name, filters, k, stride, pad, fn, true);
    }

    private static NetworkSpec net(String name, LayerSpec... layers) {
        return new NetworkSpec(name, List.of(layers));
    }

    private static Map<String, Long> taps(Object... nameThenFeatures) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenFeatures.length; i += 2) {
            m.put((String) nameThenFeatures[i], ((Number) nameThenFeatures[i + 1]).longValue());
        }
        return m;
    }

    private static long[] logits(int rows, int classes) {
        return new long[] {rows, classes};
    }

    /** Every layer type; Dropout rates are 0 here so that the cases are deterministic functions of the params. */
    static List<Case> all() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("Dense", net("dense", Input.real("x", 5), dense("d1", 4, ActivationFn.TANH),
                new Layers.Dense("d2", 3, ActivationFn.IDENTITY, false, true), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("d1", 4, "d2", 3)));
        c.add(new Case("Dense on sequences", net("dense-seq", Input.real("x", 3, 4), dense("d1", 5, ActivationFn.RELU),
                new Layers.Flatten("flat", false), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("d1", 15)));
        c.add(new Case("Conv2D", net("conv", Input.real("x", 2, 5, 5), conv("c1", 3, 3, 2, 1, ActivationFn.RELU),
                new Layers.Flatten("flat", false), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("c1", 27)));
        c.add(new Case("MaxPool2D", net("maxpool", Input.real("x", 1, 6, 6), conv("c1", 2, 3, 1, 1, ActivationFn.TANH),
                new Layers.MaxPool2D("pool", 2, 2, true), new Layers.Flatten("flat", false),
                new Layers.Output("out", 3, false)), logits(N, 3), taps("c1", 72, "pool", 18)));
        c.add(new Case("AvgPool2D", net("avgpool", Input.real("x", 1, 5, 5), conv("c1", 2, 3, 1, 0, ActivationFn.TANH),
                new Layers.AvgPool2D("pool", 2, 1, true), new Layers.Flatten("flat", false),
                new Layers.Output("out", 3, false)), logits(N, 3), taps("c1", 18, "pool", 8)));
        c.add(new Case("GlobalAvgPool", net("gap", Input.real("x", 2, 4, 4), conv("c1", 6, 3, 1, 1, ActivationFn.TANH),
                new Layers.GlobalAvgPool("gap", true), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("c1", 96, "gap", 6)));
        c.add(new Case("Reshape", net("reshape", Input.real("x", 12), new Layers.Reshape("r", List.of(3, 2, 2), true),
                conv("c1", 2, 2, 1, 0, ActivationFn.TANH), new Layers.Flatten("flat", true),
                new Layers.Output("out", 3, false)), logits(N, 3), taps("r", 12, "c1", 2, "flat", 2)));
        c.add(new Case("BatchNorm on vectors", net("bn", Input.real("x", 5), new Layers.Dense("d1", 6, ActivationFn.IDENTITY, true, false),
                new Layers.BatchNorm("bn", 0.1, 1e-5, true), new Layers.Activation("act", ActivationFn.RELU, false),
                new Layers.Output("out", 3, false)), logits(N, 3), taps("bn", 6)));
        c.add(new Case("BatchNorm on images", net("bn2d", Input.real("x", 2, 4, 4), conv("c1", 3, 3, 1, 1, ActivationFn.IDENTITY),
                new Layers.BatchNorm("bn", 0.1, 1e-5, true), new Layers.Activation("act", ActivationFn.TANH, false),
                new Layers.Flatten("flat", false), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("c1", 48, "bn", 48)));
        c.add(new Case("BatchNorm on sequences", net("bn-seq", Input.real("x", 3, 4), dense("d1", 5, ActivationFn.IDENTITY),
                new Layers.BatchNorm("bn", 0.1, 1e-5, true), new Layers.Activation("act", ActivationFn.TANH, false),
                new Layers.Flatten("flat", false), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("d1", 15, "bn", 15)));
        c.add(new Case("LayerNorm", net("ln", Input.real("x", 3, 4), dense("d1", 6, ActivationFn.IDENTITY),
                new Layers.LayerNorm("ln", 1e-5, true), new Layers.Activation("act", ActivationFn.TANH, false),
                new Layers.SequencePool("pool", Layers.PoolMode.MEAN, false), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("d1", 18, "ln", 18)));
        c.add(new Case("Dropout", net("dropout", Input.real("x", 5), dense("d1", 6, ActivationFn.TANH),
                new Layers.Dropout("drop", 0.0, true), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("d1", 6, "drop", 6)));
        for (ActivationFn fn : ActivationFn.values()) {
            c.add(new Case("Activation " + fn.jsonName(), net("act-" + fn.jsonName(), Input.real("x", 5),
                    dense("d1", 6, ActivationFn.IDENTITY), new Layers.Activation("act", fn, true),
                    new Layers.Output("out", 3, false)), logits(N, 3), taps("d1", 6, "act", 6)));
        }
        c.add(new Case("Residual identity", net("res-id", Input.real("x", 5), dense("d1", 6, ActivationFn.RELU),
                new Layers.Residual("res", List.of(dense("r1", 6, ActivationFn.RELU), dense("r2", 6, ActivationFn.IDENTITY)),
                        Layers.Skip.IDENTITY, ActivationFn.RELU, true), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("d1", 6, "res", 6)));
        c.add(new Case("Residual dense projection", net("res-dense", Input.real("x", 5),
                new Layers.Residual("res", List.of(dense("r1", 7, ActivationFn.TANH)), Layers.Skip.PROJECTION,
                        ActivationFn.TANH, true), new Layers.Output("out", 3, false)), logits(N, 3), taps("res", 7)));
        c.add(new Case("Residual conv projection", net("res-conv", Input.real("x", 2, 6, 6),
                new Layers.Residual("res", List.of(conv("r1", 3, 3, 2, 1, ActivationFn.RELU), conv("r2", 3, 3, 1, 1, ActivationFn.IDENTITY)),
                        Layers.Skip.PROJECTION, ActivationFn.RELU, true), new Layers.GlobalAvgPool("gap", false),
                new Layers.Output("out", 3, false)), logits(N, 3), taps("res", 27)));
        c.add(new Case("Embedding", net("emb", Input.tokens("x", 4, 6), new Layers.Embedding("emb", 6, 5, true),
                new Layers.SequencePool("pool", Layers.PoolMode.MEAN, true), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("emb", 20, "pool", 5)));
        c.add(new Case("PositionalEmbedding", net("pos", Input.tokens("x", 4, 6), new Layers.Embedding("emb", 6, 5, false),
                new Layers.PositionalEmbedding("pos", 6, true), new Layers.SequencePool("pool", Layers.PoolMode.LAST, false),
                new Layers.Output("out", 3, false)), logits(N, 3), taps("pos", 20)));
        c.add(new Case("SimpleRNN", net("rnn", Input.tokens("x", 4, 6), new Layers.Embedding("emb", 6, 4, false),
                new Layers.SimpleRNN("rnn", 5, true), new Layers.SequencePool("pool", Layers.PoolMode.LAST, true),
                new Layers.Output("out", 3, false)), logits(N, 3), taps("rnn", 20, "pool", 5)));
        c.add(new Case("LSTM", net("lstm", Input.tokens("x", 3, 5), new Layers.Embedding("emb", 5, 4, false),
                new Layers.LSTM("lstm", 4, true), new Layers.Output("out", 3, true)), logits(N * 3, 3), taps("lstm", 12)));
        c.add(new Case("TransformerBlock causal", net("tf-causal", Input.tokens("x", 4, 6), new Layers.Embedding("emb", 6, 8, false),
                new Layers.PositionalEmbedding("pos", 4, false), new Layers.TransformerBlock("tf", 8, 2, 12, true, 0.0, true),
                new Layers.Output("out", 3, true)), logits(N * 4, 3), taps("tf", 32)));
        c.add(new Case("TransformerBlock bidirectional", net("tf", Input.tokens("x", 3, 6), new Layers.Embedding("emb", 6, 4, false),
                new Layers.TransformerBlock("tf", 4, 1, 6, false, 0.0, true),
                new Layers.SequencePool("pool", Layers.PoolMode.MEAN, false), new Layers.Output("out", 3, false)),
                logits(N, 3), taps("tf", 12)));
        return c;
    }
}
