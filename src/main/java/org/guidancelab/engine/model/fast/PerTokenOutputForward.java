package org.guidancelab.engine.model.fast;

import org.guidancelab.arch.ActivationFn;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A per-token Output head on a sequence [n, T*d]: the rows [n*T, d] through one gemm layer, logits [n*T, classes]. */
final class PerTokenOutputForward implements ForwardStep {
    private final DenseLayer layer;
    private final int length, dim;

    PerTokenOutputForward(String name, int length, int dim, int classes, DataType dtype) {
        this.layer = new DenseLayer(name, false, dim, classes, ActivationFn.IDENTITY, true, false, dtype);
        this.length = length;
        this.dim = dim;
    }

    @Override
    public int paramCount() {
        return layer.paramCount();
    }

    /** Per token, not per example: the logits are [n*T, classes]. */
    @Override
    public int outWidth() {
        return layer.outWidth;
    }

    @Override
    public void bind(INDArray params, long offset) {
        layer.bind(params, params, offset);
    }

    @Override
    public INDArray forward(INDArray in) {
        return layer.forward(in.reshape('c', in.rows() * length, dim), false);
    }
}
