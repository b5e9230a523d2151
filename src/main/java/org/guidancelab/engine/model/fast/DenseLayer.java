package org.guidancelab.engine.model.fast;

import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * y = act(x W + b) with W [in, out] then b [out] in the flat buffer (the shared layout). Every product is a gemm into
 * a preallocated buffer; the bias is added as the rank-1 product ones[n,1] b[1,out] and its gradient is ones^T dZ, far
 * cheaper in ND4J than broadcasting ops or a column sum.
 */
final class DenseLayer extends FastLayer {
    private final ActivationFn fn;
    private final boolean bias;
    private final DataType dtype;
    private INDArray w, b, dw, db;
    private INDArray in, ones, z, a, dZ, dIn, scratch;
    private long batch = -1;

    DenseLayer(String name, boolean tap, int in, int out, ActivationFn fn, boolean bias, DataType dtype) {
        super(name, tap, in, out);
        this.fn = fn;
        this.bias = bias;
        this.dtype = dtype;
    }

    @Override
    int paramCount() {
        return inWidth * outWidth + (bias ? outWidth : 0);
    }

    @Override
    void bind(INDArray params, INDArray grads, long offset) {
        long wEnd = offset + (long) inWidth * outWidth;
        w = view(params, offset, wEnd).reshape('c', inWidth, outWidth);
        dw = view(grads, offset, wEnd).reshape('c', inWidth, outWidth);
        if (bias) {
            b = view(params, wEnd, wEnd + outWidth).reshape('c', 1, outWidth);
            db = view(grads, wEnd, wEnd + outWidth).reshape('c', 1, outWidth);
        }
    }

    private static INDArray view(INDArray flat, long from, long to) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to));
    }

    /**
     * He-style normal init, std sqrt(gain / in) with gain 2 for ReLU/GELU and 1 otherwise, so deep plain stacks
     * neither explode nor vanish at the start; biases start at 0.
     */
    @Override
    void initialise(double[] flat, int offset, Random random) {
        double gain = fn == ActivationFn.RELU || fn == ActivationFn.GELU ? 2.0 : 1.0;
        double std = Math.sqrt(gain / inWidth);
        for (int i = 0; i < inWidth * outWidth; i++) {
            flat[offset + i] = random.nextGaussian() * std;
        }
    }

    private void ensureBatch(long n) {
        if (n == batch) {
            return;
        }
        batch = n;
        ones = Nd4j.ones(dtype, n, 1);
        z = Nd4j.create(dtype, n, outWidth);
        a = fn == ActivationFn.IDENTITY ? z : Nd4j.create(dtype, n, outWidth);
        dZ = Nd4j.create(dtype, n, outWidth);
        scratch = Nd4j.create(dtype, n, outWidth);
        dIn = Nd4j.create(dtype, n, inWidth);
    }

    @Override
    INDArray forward(INDArray x, boolean training) {
        ensureBatch(x.rows());
        in = x;
        if (bias) {
            Nd4j.gemm(ones, b, z, false, false, 1.0, 0.0);
        }
        Nd4j.gemm(x, w, z, false, false, 1.0, bias ? 1.0 : 0.0);
        Activations.forward(fn, z, a);
        return a;
    }

    @Override
    INDArray backward(INDArray dOut, boolean needInputGradient) {
        Activations.backward(fn, z, a, dOut, dZ, scratch);
        Nd4j.gemm(in, dZ, dw, true, false, 1.0, 0.0);
        if (bias) {
            Nd4j.gemm(ones, dZ, db, true, false, 1.0, 0.0);
        }
        if (!needInputGradient) {
            return null;
        }
        Nd4j.gemm(dZ, w, dIn, false, true, 1.0, 0.0);
        return dIn;
    }
}
