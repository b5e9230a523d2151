package org.guidancelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;

/**
 * The three standard workloads (docs/BENCHMARK.md), built exactly as the PyTorch peer
 * (benchmarks/torch_guided_bench.py) builds them: the same networks, batch sizes, data shapes and tap placement.
 */
public enum Workload {
    /** 784-d Gaussian clusters; MLP 4 x Dense 128 ReLU target and guide (own seed), 4 taps each. */
    MLP("mlp", 128),
    /** 784-d (as 1x28x28); FCN 8 x Dense 256 target, a 3-conv CNN guide with 4 taps. */
    FCN_CNN("fcn-cnn", 128),
    /** Tokens 1..11, length 32, next-token CE; 2-layer vanilla RNN target, 2-block causal Transformer guide. */
    RNN_TRANSFORMER("rnn-transformer", 64);

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
        throw new IllegalArgumentException("unknown workload '" + s + "': choose mlp, fcn-cnn, rnn-transformer or all");
    }

    public NetworkSpec target() {
        List<LayerSpec> l = new ArrayList<>();
        switch (this) {
            case MLP -> {
                l.add(Layers.Input.real("x", 784));
                dense(l, 4, 128);
                l.add(new Layers.Output("logits", 10, false));
            }
            case FCN_CNN -> {
                l.add(Layers.Input.real("x", 1, 28, 28));
                l.add(new Layers.Flatten("flat", false));
                dense(l, 8, 256);
                l.add(new Layers.Output("logits", 10, false));
            }
            default -> {
                l.add(Layers.Input.tokens("tokens", SEQ, VOCAB));
                l.add(new Layers.Embedding("embed", VOCAB, 64, false));
                l.add(new Layers.SimpleRNN("rnn1", 128, true));
                l.add(new Layers.SimpleRNN("rnn2", 128, true));
                l.add(new Layers.Output("logits", VOCAB, true));
            }
        }
        return new NetworkSpec(cliName + "-target", l);
    }

    public NetworkSpec guide() {
        List<LayerSpec> l = new ArrayList<>();
        switch (this) {
            case MLP -> {
                l.add(Layers.Input.real("x", 784));
                dense(l, 4, 128);
                l.add(new Layers.Output("logits", 10, false));
            }
            case FCN_CNN -> {
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
            default -> {
                l.add(Layers.Input.tokens("tokens", SEQ, VOCAB));
                l.add(new Layers.Embedding("embed", VOCAB, 64, false));
                l.add(new Layers.PositionalEmbedding("pos", SEQ, false));
                l.add(new Layers.TransformerBlock("block1", 64, 4, 128, true, 0.0, true));
                l.add(new Layers.TransformerBlock("block2", 64, 4, 128, true, 0.0, true));
                l.add(new Layers.Output("logits", VOCAB, true));
            }
        }
        return new NetworkSpec(cliName + "-guide", l);
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
