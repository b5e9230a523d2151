package org.guidancelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;

/**
 * The standard workloads (docs/BENCHMARK.md), one per trainable target family, built exactly as the PyTorch peer
 * (benchmarks/torch_guided_bench.py) builds them: the same networks, batch sizes, data shapes and tap placement.
 */
public enum Workload {
    /** 784-d Gaussian clusters; MLP 4 x Dense 128 ReLU target and guide (own seed), 4 taps each. */
    MLP("mlp", 128),
    /** 784-d (as 1x28x28); FCN 8 x Dense 256 target, a 3-conv CNN guide with 4 taps. */
    FCN_CNN("fcn-cnn", 128),
    /** Tokens 1..11, length 32, next-token CE; 2-layer vanilla RNN target, 2-block causal Transformer guide. */
    RNN_TRANSFORMER("rnn-transformer", 64),
    /** 1x28x28 clusters; the deep-convnet preset's plain 10-conv target (no skips), fcn-cnn's CNN guide. */
    CONVNET("convnet", 32),
    /** The token task; a 2-block causal Transformer target (rnn-transformer's guide), the 2-layer RNN as guide. */
    TRANSFORMER_RNN("transformer-rnn", 64),
    /** The token task; a 2-layer LSTM target, the 2-block causal Transformer guide. */
    LSTM_TRANSFORMER("lstm-transformer", 64);

    /** Sequence length and vocabulary of the token workload. */
    static final int SEQ = 32;
    static final int VOCAB = 12;

    private final String cliName;
    private final int batch;

    Workload(String cliName, int batch) {
        this.cliName = cliName;
        this.batch = batch;
    }

    public String cliName() {
        return cliName;
    }

    public int batch() {
        return batch;
    }

    public static Workload parse(String s) {
        for (Workload w : values()) {
            if (w.cliName.equalsIgnoreCase(s)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + s + "': choose " + names() + " or all");
    }

    /** The workloads' names, comma-separated, for messages and help. */
    public static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Workload::cliName).toList());
    }

    /** Token sequences (next-token task) rather than images. */
    public boolean tokens() {
        return this == RNN_TRANSFORMER || this == TRANSFORMER_RNN || this == LSTM_TRANSFORMER;
    }

    public NetworkSpec target() {
        List<LayerSpec> l = new ArrayList<>();
        switch (this) {
            case MLP -> mlp(l);
            case FCN_CNN -> {
                l.add(Layers.Input.real("x", 1, 28, 28));
                l.add(new Layers.Flatten("flat", false));
                dense(l, 8, 256);
                l.add(new Layers.Output("logits", 10, false));
            }
            case CONVNET -> plainConvNet(l);
            case TRANSFORMER_RNN -> causalTransformer(l);
            case LSTM_TRANSFORMER -> tagger(l, true);
            default -> tagger(l, false);
        }
        return new NetworkSpec(cliName + "-target", l);
    }

    public NetworkSpec guide() {
        List<LayerSpec> l = new ArrayList<>();
        switch (this) {
            case MLP -> mlp(l);
            case FCN_CNN, CONVNET -> {
                l.add(Layers.Input.real("x", 1, 28, 28));
                l.add(new Layers.Conv2D("conv1", 16, 3, 1, 1, ActivationFn.RELU, true));
                l.add(new Layers.Conv2D("conv2", 32, 3, 1, 1, ActivationFn.RELU, false));
                l.add(new Layers.MaxPool2D("pool2", 2, 2, true));
                l.add(new Layers.Conv2D("conv3", 64, 3, 1, 1, ActivationFn.RELU, false));
                l.add(new Layers.MaxPool2D("pool3", 2, 2, true));
                l.add(new Layers.Flatten("flat", false));
                l.add(new Layers.Dense("fc", 128, ActivationFn.RELU, true, true));
                l.add(new Layers.Output("logits", 10, false));
            }
            case TRANSFORMER_RNN -> tagger(l, false);
            default -> causalTransformer(l);
        }
        return new NetworkSpec(cliName + "-guide", l);
    }

    /** 784 inputs, 4 x Dense 128 ReLU (taps), Dense 10. */
    private static void mlp(List<LayerSpec> l) {
        l.add(Layers.Input.real("x", 784));
        dense(l, 4, 128);
        l.add(new Layers.Output("logits", 10, false));
    }

    /** Embedding 64, two recurrent layers of 128 (taps: vanilla tanh RNN, or LSTM), a per-token head. */
    private static void tagger(List<LayerSpec> l, boolean lstm) {
        l.add(Layers.Input.tokens("tokens", SEQ, VOCAB));
        l.add(new Layers.Embedding("embed", VOCAB, 64, false));
        for (int i = 1; i <= 2; i++) {
            l.add(lstm ? new Layers.LSTM("lstm" + i, 128, true) : new Layers.SimpleRNN("rnn" + i, 128, true));
        }
        l.add(new Layers.Output("logits", VOCAB, true));
    }

    /** Embedding 64 plus learned positions, two post-norm causal blocks (d 64, 4 heads, FF 128; taps), a head. */
    private static void causalTransformer(List<LayerSpec> l) {
        l.add(Layers.Input.tokens("tokens", SEQ, VOCAB));
        l.add(new Layers.Embedding("embed", VOCAB, 64, false));
        l.add(new Layers.PositionalEmbedding("pos", SEQ, false));
        l.add(new Layers.TransformerBlock("block1", 64, 4, 128, true, 0.0, true));
        l.add(new Layers.TransformerBlock("block2", 64, 4, 128, true, 0.0, true));
        l.add(new Layers.Output("logits", VOCAB, true));
    }

    /**
     * The deep-convnet preset's target: conv3x3 8 stride 2, 4 x conv3x3 8, conv3x3 16 stride 2, 4 x conv3x3 16 (all
     * ReLU, padding 1, each a tap), global average pool, Dense 10.
     */
    private static void plainConvNet(List<LayerSpec> l) {
        l.add(Layers.Input.real("x", 1, 28, 28));
        l.add(new Layers.Conv2D("stem", 8, 3, 2, 1, ActivationFn.RELU, true));
        for (int i = 1; i <= 4; i++) {
            l.add(new Layers.Conv2D("a" + i, 8, 3, 1, 1, ActivationFn.RELU, true));
        }
        l.add(new Layers.Conv2D("b1", 16, 3, 2, 1, ActivationFn.RELU, true));
        for (int i = 2; i <= 5; i++) {
            l.add(new Layers.Conv2D("b" + i, 16, 3, 1, 1, ActivationFn.RELU, true));
        }
        l.add(new Layers.GlobalAvgPool("gap", false));
        l.add(new Layers.Output("logits", 10, false));
    }

    private static void dense(List<LayerSpec> l, int depth, int width) {
        for (int i = 1; i <= depth; i++) {
            l.add(new Layers.Dense("fc" + i, width, ActivationFn.RELU, true, true));
        }
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
