package org.guidancelab.arch;

/**
 * One layer of a network spec. Specs are immutable values: every edit produces a new record, so the
 * builder can validate each edit live and keep an undo history of plain values.
 *
 * <p>Every layer has a unique {@code name} (within its network) and a {@code tap} switch: a tapped layer's
 * output takes part in representational alignment (CKA). By default the outputs of Dense/Conv/RNN/LSTM/Transformer
 * blocks, residual blocks and pooling heads are tapped, the logits never ({@link LayerDefaults}).
 */
public sealed interface LayerSpec
        permits Layers.Input, Layers.Dense, Layers.Conv2D, Layers.MaxPool2D, Layers.AvgPool2D,
                Layers.GlobalAvgPool, Layers.Flatten, Layers.Reshape, Layers.BatchNorm, Layers.LayerNorm,
                Layers.Dropout, Layers.Activation, Layers.Residual, Layers.Embedding,
                Layers.PositionalEmbedding, Layers.SimpleRNN, Layers.LSTM, Layers.TransformerBlock,
                Layers.SequencePool, Layers.Output {

    String name();

    boolean tap();

    /** The same layer under another name. */
    LayerSpec withName(String name);

    /** The same layer with its tap switched on or off. */
    LayerSpec withTap(boolean tap);

    /** The layer type as written in JSON and shown in the palette, e.g. {@code "Conv2D"}. */
    default String type() {
        return LayerType.of(this).jsonName();
    }
}
