package org.guidancelab.arch;

import java.util.List;
import java.util.Objects;

/**
 * The layer records behind {@link LayerSpec}. Records hold values as the user wrote them; whether a value is
 * legal (positive sizes, kernel fitting its input, ...) is a diagnostic of {@code ShapeInference}, never an
 * exception, so a half-edited network can still be shown.
 */
public final class Layers {
    private Layers() {
    }

    /** What an {@link Input} carries: real-valued tensors, or integer tokens of a vocabulary. */
    public enum InputKind { REAL, TOKENS }

    /** How a {@link Residual} block's skip path is formed. */
    public enum Skip { IDENTITY, PROJECTION }

    /** How {@link SequencePool} reduces a [T, D] sequence to [D]. */
    public enum PoolMode { LAST, MEAN }

    /**
     * The network's input: {@code shape} is [D], [C,H,W] or, for tokens, [T] (a sequence of T token ids
     * in 0..vocabSize-1). vocabSize is 0 for real inputs.
     */
    public record Input(String name, InputKind kind, List<Integer> shape, int vocabSize) implements LayerSpec {
        public Input {
            Objects.requireNonNull(name, "name");
            kind = kind == null ? InputKind.REAL : kind;
            shape = List.copyOf(shape);
        }
        public static Input real(String name, Integer... shape) {
            return new Input(name, InputKind.REAL, List.of(shape), 0);
        }
        public static Input tokens(String name, int length, int vocab) {
            return new Input(name, InputKind.TOKENS, List.of(length), vocab);
        }
        @Override public boolean tap() { return false; }
        @Override public Input withName(String n) { return new Input(n, kind, shape, vocabSize); }
        @Override public Input withTap(boolean t) { return this; }
    }

    /** Fully connected layer on the last axis ([D] or [T,D]), with a fused activation. */
    public record Dense(String name, int units, ActivationFn activation, boolean bias, boolean tap) implements LayerSpec {
        public Dense { Objects.requireNonNull(name, "name"); activation = activation == null ? ActivationFn.IDENTITY : activation; }
        public static Dense of(String name, int units, ActivationFn act) { return new Dense(name, units, act, true, true); }
        @Override public Dense withName(String n) { return new Dense(n, units, activation, bias, tap); }
        @Override public Dense withTap(boolean t) { return new Dense(name, units, activation, bias, t); }
    }

    /** 2-D convolution on [C,H,W] with a fused activation. */
    public record Conv2D(String name, int filters, int kernel, int stride, int padding, ActivationFn activation,
                         boolean tap) implements LayerSpec {
        public Conv2D { Objects.requireNonNull(name, "name"); activation = activation == null ? ActivationFn.IDENTITY : activation; }
        /** A "same"-padded stride-1 convolution, the common case. */
        public static Conv2D same(String name, int filters, int kernel, ActivationFn act) {
            return new Conv2D(name, filters, kernel, 1, kernel / 2, act, true);
        }
        @Override public Conv2D withName(String n) { return new Conv2D(n, filters, kernel, stride, padding, activation, tap); }
        @Override public Conv2D withTap(boolean t) { return new Conv2D(name, filters, kernel, stride, padding, activation, t); }
    }

    public record MaxPool2D(String name, int size, int stride, boolean tap) implements LayerSpec {
        public MaxPool2D { Objects.requireNonNull(name, "name"); }
        @Override public MaxPool2D withName(String n) { return new MaxPool2D(n, size, stride, tap); }
        @Override public MaxPool2D withTap(boolean t) { return new MaxPool2D(name, size, stride, t); }
    }

    public record AvgPool2D(String name, int size, int stride, boolean tap) implements LayerSpec {
        public AvgPool2D { Objects.requireNonNull(name, "name"); }
        @Override public AvgPool2D withName(String n) { return new AvgPool2D(n, size, stride, tap); }
        @Override public AvgPool2D withTap(boolean t) { return new AvgPool2D(name, size, stride, t); }
    }

    /** [C,H,W] -> [C], the pooling head of a CNN/ResNet. */
    public record GlobalAvgPool(String name, boolean tap) implements LayerSpec {
        public GlobalAvgPool { Objects.requireNonNull(name, "name"); }
        @Override public GlobalAvgPool withName(String n) { return new GlobalAvgPool(n, tap); }
        @Override public GlobalAvgPool withTap(boolean t) { return new GlobalAvgPool(name, t); }
    }

    /** Any shape -> [product]. */
    public record Flatten(String name, boolean tap) implements LayerSpec {
        public Flatten { Objects.requireNonNull(name, "name"); }
        @Override public Flatten withName(String n) { return new Flatten(n, tap); }
        @Override public Flatten withTap(boolean t) { return new Flatten(name, t); }
    }

    /** Reinterprets the per-example shape (same number of elements), e.g. [784] -> [1,28,28]. */
    public record Reshape(String name, List<Integer> shape, boolean tap) implements LayerSpec {
        public Reshape { Objects.requireNonNull(name, "name"); shape = List.copyOf(shape); }
        @Override public Reshape withName(String n) { return new Reshape(n, shape, tap); }
        @Override public Reshape withTap(boolean t) { return new Reshape(name, shape, t); }
    }

    /** Batch normalisation over the channel axis ([C,H,W]) or feature axis ([D]). */
    public record BatchNorm(String name, double momentum, double epsilon, boolean tap) implements LayerSpec {
        public BatchNorm { Objects.requireNonNull(name, "name"); }
        public static BatchNorm of(String name) { return new BatchNorm(name, 0.1, 1e-5, false); }
        @Override public BatchNorm withName(String n) { return new BatchNorm(n, momentum, epsilon, tap); }
        @Override public BatchNorm withTap(boolean t) { return new BatchNorm(name, momentum, epsilon, t); }
    }

    /** Layer normalisation over the last axis. */
    public record LayerNorm(String name, double epsilon, boolean tap) implements LayerSpec {
        public LayerNorm { Objects.requireNonNull(name, "name"); }
        @Override public LayerNorm withName(String n) { return new LayerNorm(n, epsilon, tap); }
        @Override public LayerNorm withTap(boolean t) { return new LayerNorm(name, epsilon, t); }
    }

    public record Dropout(String name, double rate, boolean tap) implements LayerSpec {
        public Dropout { Objects.requireNonNull(name, "name"); }
        @Override public Dropout withName(String n) { return new Dropout(n, rate, tap); }
        @Override public Dropout withTap(boolean t) { return new Dropout(name, rate, t); }
    }

    public record Activation(String name, ActivationFn fn, boolean tap) implements LayerSpec {
        public Activation { Objects.requireNonNull(name, "name"); fn = fn == null ? ActivationFn.IDENTITY : fn; }
        @Override public Activation withName(String n) { return new Activation(n, fn, tap); }
        @Override public Activation withTap(boolean t) { return new Activation(name, fn, t); }
    }

    /**
     * out = post(block(x) + skip(x)), skip the identity or a 1x1 projection (a Dense for [D], a 1x1 Conv with
     * the block's stride for [C,H,W]). Removing skips ("ResNet without skips") is a plain chain of the blocks.
     */
    public record Residual(String name, List<LayerSpec> block, Skip skip, ActivationFn post, boolean tap)
            implements LayerSpec {
        public Residual {
            Objects.requireNonNull(name, "name");
            block = List.copyOf(block);
            skip = skip == null ? Skip.IDENTITY : skip;
            post = post == null ? ActivationFn.IDENTITY : post;
        }
        @Override public Residual withName(String n) { return new Residual(n, block, skip, post, tap); }
        @Override public Residual withTap(boolean t) { return new Residual(name, block, skip, post, t); }
    }

    /** Token ids [T] -> vectors [T, dim]. */
    public record Embedding(String name, int vocabSize, int dim, boolean tap) implements LayerSpec {
        public Embedding { Objects.requireNonNull(name, "name"); }
        @Override public Embedding withName(String n) { return new Embedding(n, vocabSize, dim, tap); }
        @Override public Embedding withTap(boolean t) { return new Embedding(name, vocabSize, dim, t); }
    }

    /** Adds a learned vector per position to [T, D] (T at most maxLength). */
    public record PositionalEmbedding(String name, int maxLength, boolean tap) implements LayerSpec {
        public PositionalEmbedding { Objects.requireNonNull(name, "name"); }
        @Override public PositionalEmbedding withName(String n) { return new PositionalEmbedding(n, maxLength, tap); }
        @Override public PositionalEmbedding withTap(boolean t) { return new PositionalEmbedding(name, maxLength, t); }
    }

    /** Vanilla (Elman) RNN, tanh, [T, D] -> [T, units] (the whole sequence of hidden states). */
    public record SimpleRNN(String name, int units, boolean tap) implements LayerSpec {
        public SimpleRNN { Objects.requireNonNull(name, "name"); }
        @Override public SimpleRNN withName(String n) { return new SimpleRNN(n, units, tap); }
        @Override public SimpleRNN withTap(boolean t) { return new SimpleRNN(name, units, t); }
    }

    /** LSTM, [T, D] -> [T, units]. */
    public record LSTM(String name, int units, boolean tap) implements LayerSpec {
        public LSTM { Objects.requireNonNull(name, "name"); }
        @Override public LSTM withName(String n) { return new LSTM(n, units, tap); }
        @Override public LSTM withTap(boolean t) { return new LSTM(name, units, t); }
    }

    /**
     * Post-norm Transformer encoder block as in PyTorch's {@code TransformerEncoderLayer}: self-attention with
     * {@code heads} heads (optionally causal), residual + LayerNorm, FF (ReLU) of width {@code ffWidth},
     * residual + LayerNorm. [T, dModel] -> [T, dModel].
     */
    public record TransformerBlock(String name, int dModel, int heads, int ffWidth, boolean causal, double dropout,
                                   boolean tap) implements LayerSpec {
        public TransformerBlock { Objects.requireNonNull(name, "name"); }
        @Override public TransformerBlock withName(String n) { return new TransformerBlock(n, dModel, heads, ffWidth, causal, dropout, tap); }
        @Override public TransformerBlock withTap(boolean t) { return new TransformerBlock(name, dModel, heads, ffWidth, causal, dropout, t); }
    }

    /** [T, D] -> [D] by the last step or the mean over steps. */
    public record SequencePool(String name, PoolMode mode, boolean tap) implements LayerSpec {
        public SequencePool { Objects.requireNonNull(name, "name"); mode = mode == null ? PoolMode.LAST : mode; }
        @Override public SequencePool withName(String n) { return new SequencePool(n, mode, tap); }
        @Override public SequencePool withTap(boolean t) { return new SequencePool(name, mode, t); }
    }

    /**
     * The output head: a Dense layer to {@code classes} logits, per example ([D] -> [classes]) or per token
     * ([T, D] -> [T, classes]). Never tapped: the logits are not a representation to align.
     */
    public record Output(String name, int classes, boolean perToken) implements LayerSpec {
        public Output { Objects.requireNonNull(name, "name"); }
        @Override public boolean tap() { return false; }
        @Override public Output withName(String n) { return new Output(n, classes, perToken); }
        @Override public Output withTap(boolean t) { return this; }
    }
}
