package org.guidancelab.engine.model.fast;

import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.engine.blas.Blas;
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
    private final boolean he;
    private final DataType dtype;
    private INDArray w, b, dw, db;
    private INDArray in, ones, z, a, dZ, dIn, scratch;
    private long batch = -1;

    /** {@code reluFollows}: a ReLU comes after this layer (through Dropout), which selects He initialisation. */
    DenseLayer(String name, boolean tap, int in, int out, ActivationFn fn, boolean bias, boolean reluFollows, DataType dtype) {
        super(name, tap, in, out);
        this.fn = fn;
        this.he = reluFollows || fn == ActivationFn.RELU;
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
     * The SameDiff reference's initialisation, draw for draw (one generator consumed in flat-layout order): He normal
     * N(0, 2/in) when a ReLU follows, Xavier normal N(0, 2/(in + out)) otherwise; biases start at 0. So a network
     * starts from the same weights whichever path the factory picks.
     */
    @Override
    void initialise(double[] flat, int offset, Random random) {
        double std = he ? Math.sqrt(2.0 / inWidth) : Math.sqrt(2.0 / (inWidth + outWidth));
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
            Blas.gemm(ones, b, z, false, false, 1.0, 0.0);
        }
        Blas.gemm(x, w, z, false, false, 1.0, bias ? 1.0 : 0.0);
        Activations.forward(fn, z, a);
        return a;
    }

    @Override
    INDArray backward(INDArray dOut, boolean needInputGradient) {
        Activations.backward(fn, z, a, dOut, dZ, scratch);
        Blas.gemm(in, dZ, dw, true, false, 1.0, 0.0);
        if (bias) {
            Blas.gemm(ones, dZ, db, true, false, 1.0, 0.0);
        }
        if (!needInputGradient) {
            return null;
        }
        Blas.gemm(dZ, w, dIn, false, true, 1.0, 0.0);
        return dIn;
    }
}
