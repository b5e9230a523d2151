package org.guidancelab.ui.model;

import java.util.Map;

/** One sentence per layer field and experiment setting, for tooltips (the app is used in teaching). */
public final class FieldHelp {
    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("name", "A unique name; pairs and charts refer to the layer by it."),
            Map.entry("tap", "Whether this layer's output takes part in representational alignment (CKA)."),
            Map.entry("units", "How many outputs (neurons) the layer has."),
            Map.entry("activation", "The non-linearity applied to the outputs."),
            Map.entry("bias", "Whether a learned offset is added to each output."),
            Map.entry("filters", "How many filters, i.e. output channels, the convolution learns."),
            Map.entry("kernel", "The side of each square filter, in pixels; it must fit inside the input (with padding)."),
            Map.entry("stride", "How many pixels the window moves at each step; 2 halves the image."),
            Map.entry("padding", "Zeros added around the image so the filter can reach the border."),
            Map.entry("size", "The side of the pooling window, in pixels."),
            Map.entry("shape", "Sizes per example, separated by commas, e.g. 1, 28, 28 for a grey 28x28 image."),
            Map.entry("kind", "Real-valued inputs (images, vectors) or token ids of a vocabulary."),
            Map.entry("vocabSize", "How many different tokens exist (ids 0 to vocabSize-1)."),
            Map.entry("momentum", "How quickly the running statistics follow new batches."),
            Map.entry("epsilon", "A small number added before dividing, for numerical safety."),
            Map.entry("rate", "The fraction of values zeroed during training."),
            Map.entry("fn", "The non-linearity to apply."),
            Map.entry("block", "The inner layers of the residual block (edit them in the JSON file)."),
            Map.entry("skip", "Identity adds the input back as is; projection first maps it to the block's shape."),
            Map.entry("post", "The non-linearity applied after the skip is added."),
            Map.entry("dim", "The length of each token's learned vector."),
            Map.entry("maxLength", "The longest sequence the positions cover."),
            Map.entry("dModel", "The width of every token's vector inside the block."),
            Map.entry("heads", "How many attention heads; dModel must divide by it."),
            Map.entry("ffWidth", "The width of the feed-forward layer inside the block."),
            Map.entry("causal", "Each position may only look at earlier positions (for generating text)."),
            Map.entry("dropout", "The fraction of values zeroed during training inside the block."),
            Map.entry("mode", "Keep the last step of the sequence, or average over all steps."),
            Map.entry("classes", "How many classes the network chooses between."),
            Map.entry("perToken", "One prediction per position of the sequence instead of one per example."),
            Map.entry("dataset", "The data to train on: a built-in generator (shapes, copy, parity, spirals) or a reader (mnist-idx, cifar10, csv)."),
            Map.entry("datasetParams", "The dataset's settings as key=value pairs separated by commas, e.g. size=28, train=2000."),
            Map.entry("alpha", "The weight of the guidance term: loss = task loss + alpha x sum over pairs of (1 - CKA)."),
            Map.entry("optimizer", "How the weights are updated from gradients: Adam, AdamW or plain SGD with momentum."),
            Map.entry("learningRate", "How big each update step is; too large diverges, too small learns slowly."),
            Map.entry("batchSize", "How many examples each step sees; CKA is computed across the examples of a batch."),
            Map.entry("steps", "How many training steps every arm runs."),
            Map.entry("seed", "The random seed: the same seed gives the same initial weights and batches."),
            Map.entry("evalInterval", "Validation loss, accuracy and CKA are measured every this many steps."),
            Map.entry("warmup", "Guidance only for the first N steps, then the guide is disconnected (0 = the whole run)."),
            Map.entry("noiseGuide", "The guide sees Gaussian noise shaped like the input while the target sees the real batch."),
            Map.entry("guideTrainSteps", "Steps to train the guide on the task before it guides (trained-guide and distillation arms)."));

    private FieldHelp() {
    }

    public static String of(String field) {
        return HELP.getOrDefault(field, field);
    }
}
