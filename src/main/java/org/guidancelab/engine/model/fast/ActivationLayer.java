package org.guidancelab.engine.model.fast;

import org.guidancelab.arch.ActivationFn;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A standalone elementwise activation. */
final class ActivationLayer extends FastLayer {
    private final ActivationFn fn;
    private final DataType dtype;
    private INDArray in, out, dIn, scratch;
    private long batch = -1;

    ActivationLayer(String name, boolean tap, int width, ActivationFn fn, DataType dtype) {
        super(name, tap, width, width);
        this.fn = fn;
        this.dtype = dtype;
    }

    @Override
    INDArray forward(INDArray x, boolean training) {
        if (x.rows() != batch) {
            batch = x.rows();
            out = Nd4j.create(dtype, batch, outWidth);
            dIn = Nd4j.create(dtype, batch, inWidth);
            scratch = Nd4j.create(dtype, batch, inWidth);
        }
        in = x;
        Activations.forward(fn, x, out);
        return out;
    }

    @Override
    INDArray backward(INDArray dOut, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        Activations.backward(fn, in, out, dOut, dIn, scratch);
        return dIn;
    }
}
