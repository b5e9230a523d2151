package org.guidancelab.engine.model.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer of the hand-written path on flattened activations [n, width]. Outputs and input gradients live in
 * buffers the layer owns, reallocated only when the batch size changes; they stay valid until the next call.
 */
abstract class FastLayer {
    final String name;
    final boolean tap;
    final int inWidth;
    final int outWidth;

    FastLayer(String name, boolean tap, int inWidth, int outWidth) {
        this.name = name;
        this.tap = tap;
        this.inWidth = inWidth;
        this.outWidth = outWidth;
    }

    /** Number of trainable parameters (they are views of the model's flat buffer, bound by {@link #bind}). */
    int paramCount() {
        return 0;
    }

    /** Binds parameter and gradient views starting at {@code offset} of the flat [1, P] buffers. */
    void bind(INDArray params, INDArray grads, long offset) {
    }

    /** Writes this layer's initial parameters into {@code flat} from {@code offset}. */
    void initialise(double[] flat, int offset, java.util.Random random) {
    }

    abstract INDArray forward(INDArray in, boolean training);

    /**
     * Gradient w.r.t. the input from the gradient w.r.t. the output of the last forward; writes parameter gradients.
     * {@code dOut} may be modified. Returns null when {@code needInputGradient} is false.
     */
    abstract INDArray backward(INDArray dOut, boolean needInputGradient);

    /** Frees native resources other than ND4J arrays; the layer stays usable (they are made again when needed). */
    void close() {
    }
}
