package org.guidancelab.engine.model.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.AvgPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.MaxPooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/** Forward-only max or average pooling (no padding, as the reference) on NCHW maps, into a reused buffer. */
final class PoolForward implements ForwardStep {
    private final int c, h, w, outH, outW;
    private final boolean max;
    private final DataType dtype;
    private final Pooling2DConfig config;
    private INDArray out;
    private long batch = -1;

    PoolForward(int c, int h, int w, int size, int stride, boolean max, DataType dtype) {
        this.c = c;
        this.h = h;
        this.w = w;
        this.outH = (h - size) / stride + 1;
        this.outW = (w - size) / stride + 1;
        this.max = max;
        this.dtype = dtype;
        this.config = Pooling2DConfig.builder().kH(size).kW(size).sH(stride).sW(stride).pH(0).pW(0).dH(1).dW(1)
                .type(max ? Pooling2D.Pooling2DType.MAX : Pooling2D.Pooling2DType.AVG).paddingMode(PaddingMode.VALID)
                .divisor(Pooling2D.Divisor.EXCLUDE_PADDING).isNHWC(false).build();
    }

    @Override
    public int outWidth() {
        return c * outH * outW;
    }

    @Override
    public INDArray forward(INDArray flat) {
        long n = flat.rows();
        if (n != batch) {
            batch = n;
            out = Nd4j.create(dtype, n, c, outH, outW);
        }
        INDArray x = flat.reshape('c', n, c, h, w);
        if (max) {
            Nd4j.exec(new MaxPooling2D(x, out, config));
        } else {
            Nd4j.exec(new AvgPooling2D(x, out, config));
        }
        return out.reshape('c', n, (long) outWidth());
    }
}
