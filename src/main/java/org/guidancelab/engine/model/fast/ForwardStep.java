package org.guidancelab.engine.model.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer of a frozen network's forward-only pass, on activations flattened per example to [n, width]. The returned
 * array is the step's own buffer, valid until its next call.
 */
interface ForwardStep {
    default int paramCount() {
        return 0;
    }

    int outWidth();

    /** Takes this step's parameters from the flat [1, P] buffer at {@code offset} (the shared layout). */
    default void bind(INDArray params, long offset) {
    }

    INDArray forward(INDArray in);

    /** Frees native resources other than ND4J arrays; the step stays usable (they are made again when needed). */
    default void close() {
    }
}
