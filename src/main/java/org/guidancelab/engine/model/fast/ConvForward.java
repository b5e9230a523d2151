package org.guidancelab.engine.model.fast;

import org.guidancelab.arch.ActivationFn;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Forward-only Conv2D on NCHW maps for frozen networks: the native conv2d kernel called directly into a buffer kept
 * between calls, then the activation into a second buffer. SameDiff runs the same kernel, so outputs agree to float
 * rounding; what this skips is the graph session's per-op overhead and its fresh output arrays.
 * Flat layout: W [filters, in, k, k] ('c') then b [filters]; the view is permuted to [k, k, in, out] as the
 * reference does.
 */
final class ConvForward implements ForwardStep {
    private final int inC, inH, inW, filters, k, stride, padding, outH, outW;
    private final ActivationFn fn;
    private final DataType dtype;
    private final Conv2DConfig config;
    private INDArray wView, bView, wYxio, b;
    private INDArray z, a;
    private long batch = -1;

    ConvForward(int inC, int inH, int inW, int filters, int k, int stride, int padding, ActivationFn fn, DataType dtype) {
        this.inC = inC;
        this.inH = inH;
        this.inW = inW;
        this.filters = filters;
        this.k = k;
        this.stride = stride;
        this.padding = padding;
        this.outH = (inH + 2 * padding - k) / stride + 1;
        this.outW = (inW + 2 * padding - k) / stride + 1;
        this.fn = fn;
        this.dtype = dtype;
        this.config = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(padding).pW(padding)
                .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO)
                .build();
    }

    @Override
    public int paramCount() {
        return filters * inC * k * k + filters;
    }

    @Override
    public int outWidth() {
        return filters * outH * outW;
    }

    @Override
    public void bind(INDArray params, long offset) {
        long wEnd = offset + (long) filters * inC * k * k;
        wView = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, wEnd))
                .reshape('c', filters, inC, k, k).permute(2, 3, 1, 0);
        bView = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(wEnd, wEnd + filters)).reshape(filters);
        wYxio = Nd4j.create(dtype, k, k, inC, filters);
        b = Nd4j.create(dtype, filters);
    }

    @Override
    public INDArray forward(INDArray flat) {
        long n = flat.rows();
        if (n != batch) {
            batch = n;
            z = Nd4j.create(dtype, n, filters, outH, outW);
            a = fn == ActivationFn.IDENTITY ? z : Nd4j.create(dtype, n, filters, outH, outW);
        }
        // Contiguous copies of the weights, refreshed each call (a few thousand values): the kernel prefers them, and
        // params loaded into the flat buffer after construction (a saved guide) are picked up.
        wYxio.assign(wView);
        b.assign(bView);
        INDArray x = flat.reshape('c', n, inC, inH, inW);
        Nd4j.exec(new Conv2D(new INDArray[] {x, wYxio, b}, new INDArray[] {z}, config));
        Activations.forward(fn, z, a);
        return a.reshape('c', n, (long) outWidth());
    }
}
