package org.guidancelab.engine.model.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer of the trainable fast path (Dense, Output, Activation, Dropout, Flatten, Reshape) used forward-only in eval
 * mode inside a frozen network.
 */
final class LayerForward implements ForwardStep {
    private final FastLayer layer;

    LayerForward(FastLayer layer) {
        this.layer = layer;
    }

    @Override
    public int paramCount() {
        return layer.paramCount();
    }

    @Override
    public int outWidth() {
        return layer.outWidth;
    }

    @Override
    public void bind(INDArray params, long offset) {
        // Fast layers also bind gradient views; a frozen network never writes them, so they get the params again.
        layer.bind(params, params, offset);
    }

    @Override
    public INDArray forward(INDArray in) {
        return layer.forward(in, false);
    }
}
