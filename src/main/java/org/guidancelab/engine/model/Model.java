package org.guidancelab.engine.model;

import java.util.List;
import java.util.Map;
import org.guidancelab.arch.NetworkSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The narrow seam between the trainer and a network implementation. The trainer only ever sees flat
 * parameters and gradients, a forward pass that returns logits and taps, and a backward pass from gradients on
 * the logits and taps. SameDiff implements it for every layer type (the reference); faster hand-written paths
 * for hot layer types implement the same seam and are checked against the reference in tests.
 *
 * <p>Shapes: input {@code [n, ...inputShape]} (token ids as floats); logits {@code [n, classes]}, or for
 * per-token heads {@code [n*T, classes]} (example-major); each tap flattened per example to {@code [n, features]}.
 */
public interface Model extends AutoCloseable {

    NetworkSpec spec();

    /** Names of tapped layers, in network order. */
    List<String> tapNames();

    /** All trainable parameters as one flat row vector {@code [1, P]}; updated in place by optimizers. */
    INDArray params();

    /** Gradient buffer matching {@link #params()}, overwritten by {@link #backward}. */
    INDArray gradients();

    /** Runs the network. {@code training} enables dropout and BatchNorm batch statistics (and updates running stats). */
    Forward forward(INDArray input, boolean training);

    /**
     * Back-propagates from the gradient of the loss on the logits (null = zero) and on taps (absent = zero)
     * of the last {@link #forward} call, writing {@link #gradients()}.
     */
    void backward(INDArray dLogits, Map<String, INDArray> dTaps);

    /** Non-trainable state (BatchNorm running statistics), as a flat vector for checkpoints; may be empty. */
    INDArray state();

    @Override
    void close();

    /** Logits and the flattened taps of one forward pass. */
    record Forward(INDArray logits, Map<String, INDArray> taps) {
    }
}
