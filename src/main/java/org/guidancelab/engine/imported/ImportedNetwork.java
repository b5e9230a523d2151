package org.guidancelab.engine.imported;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network read from a model file, seen as the lab sees a guide: its input shape and layers (every one a possible
 * tap) in the lab's layout, and a frozen forward pass. Two kinds: {@link Dl4jNetwork} (Keras h5, DL4J zip) and
 * {@link SameDiffNetwork} (a .sdz converted from ONNX by {@code guide convert}).
 */
public interface ImportedNetwork {
    Path file();

    /** "Keras h5", "DeepLearning4J zip" or "SameDiff sdz". */
    String format();

    /** One example's input shape in the lab's layout (channels, height, width for images). */
    List<Integer> inputShape();

    /** Every layer that can be a tap, in the order the network runs them. */
    List<GuideLayer> layers();

    /** The layer called {@code name}, or null. */
    default GuideLayer layer(String name) {
        return layers().stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    long params();

    /** All parameters (BatchNorm's running statistics included) as one flat row, a view of the network's own. */
    INDArray paramsView();

    /**
     * The outputs of the layers {@code names} for a batch {@code input} [n, ...inputShape] in the lab's layout, each
     * flattened per example to [n, width] in the lab's layout (float). Inference mode: nothing is updated.
     */
    Map<String, INDArray> activations(INDArray input, Collection<String> names);

    /** The name of the network's final output layer. */
    String outputName();
}
