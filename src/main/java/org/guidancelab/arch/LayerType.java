package org.guidancelab.arch;

/**
 * The catalogue of layer types: the JSON name, a one-sentence explanation (tooltips, for students), and a
 * default instance the palette drops.
 */
public enum LayerType {
    INPUT("Input", Layers.Input.class, "Where examples enter the network: a vector, an image [C,H,W] or a sequence of tokens."),
    DENSE("Dense", Layers.Dense.class, "Fully connected layer: every output is a weighted sum of all inputs, then an activation."),
    CONV2D("Conv2D", Layers.Conv2D.class, "Convolution: slides small learned filters over an image, so the same pattern is found anywhere."),
    MAX_POOL_2D("MaxPool2D", Layers.MaxPool2D.class, "Keeps the largest value in each window, shrinking the image and adding shift tolerance."),
    AVG_POOL_2D("AvgPool2D", Layers.AvgPool2D.class, "Averages each window, shrinking the image smoothly."),
    GLOBAL_AVG_POOL("GlobalAvgPool", Layers.GlobalAvgPool.class, "Averages each channel over the whole image: [C,H,W] becomes [C]."),
    FLATTEN("Flatten", Layers.Flatten.class, "Lays any shape out as one long vector, e.g. to feed a Dense layer."),
    RESHAPE("Reshape", Layers.Reshape.class, "Reinterprets the same numbers in another shape, e.g. [784] as an image [1,28,28]."),
    BATCH_NORM("BatchNorm", Layers.BatchNorm.class, "Normalises each channel over the batch, which keeps deep networks trainable."),
    LAYER_NORM("LayerNorm", Layers.LayerNorm.class, "Normalises each example's features; the normaliser of Transformers."),
    DROPOUT("Dropout", Layers.Dropout.class, "Randomly zeroes a fraction of values during training to fight overfitting."),
    ACTIVATION("Activation", Layers.Activation.class, "Applies a non-linearity (ReLU, tanh, GELU, sigmoid) to every value."),
    RESIDUAL("Residual", Layers.Residual.class, "Runs an inner block and adds its input back (a skip connection), as in ResNets."),
    EMBEDDING("Embedding", Layers.Embedding.class, "Turns each token id into a learned vector."),
    POSITIONAL_EMBEDDING("PositionalEmbedding", Layers.PositionalEmbedding.class, "Adds a learned vector per position, so order becomes visible."),
    SIMPLE_RNN("SimpleRNN", Layers.SimpleRNN.class, "Vanilla recurrent layer: a tanh state updated at every step of the sequence."),
    LSTM("LSTM", Layers.LSTM.class, "Recurrent layer with gates that decide what to remember and forget."),
    TRANSFORMER_BLOCK("TransformerBlock", Layers.TransformerBlock.class, "Self-attention (every position looks at others) plus a feed-forward layer."),
    SEQUENCE_POOL("SequencePool", Layers.SequencePool.class, "Reduces a sequence to one vector: its last step or its mean."),
    OUTPUT("Output", Layers.Output.class, "The head: turns features into class scores (logits), per example or per token.");

    private final String jsonName;
    private final Class<? extends LayerSpec> recordClass;
    private final String explanation;

    LayerType(String jsonName, Class<? extends LayerSpec> recordClass, String explanation) {
        this.jsonName = jsonName;
        this.recordClass = recordClass;
        this.explanation = explanation;
    }

    public String jsonName() {
        return jsonName;
    }

    /** One sentence for tooltips and the palette. */
    public String explanation() {
        return explanation;
    }

    public static LayerType of(LayerSpec spec) {
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete by review and test.
        Class<?> c = spec.getClass();
        for (LayerType t : values()) {
            if (t.recordClass == c) {
                return t;
            }
        }
        throw new IllegalStateException("unknown layer record " + c);
    }

    /** The type named {@code name} in JSON (case-insensitive), or null. */
    public static LayerType fromJsonName(String name) {
        for (LayerType t : values()) {
            if (t.jsonName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }
}
