package org.guidancelab.engine.model.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Forward-only max or average pooling (no padding, as the reference) on NCHW maps, in one Java pass over the values
 * into a reused buffer (a pass over a few MB; the native pooling op costs more in calls and copies at this size).
 */
final class PoolForward implements ForwardStep {
    private final int c, h, w, size, stride, outH, outW;
    private final boolean max;
    private final DataType dtype;
    private INDArray out;
    private float[] in, outF;
    private long batch = -1;

    PoolForward(int c, int h, int w, int size, int stride, boolean max, DataType dtype) {
        this.c = c;
        this.h = h;
        this.w = w;
        this.size = size;
        this.stride = stride;
        this.outH = (h - size) / stride + 1;
        this.outW = (w - size) / stride + 1;
        this.max = max;
        this.dtype = dtype;
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
            out = Nd4j.create(dtype, n, (long) outWidth());
            in = new float[(int) (n * c * h * w)];
            outF = new float[(int) (n * outWidth())];
        }
        flat.dup('c').data().asNioFloat().get(0, in);
        float inv = 1f / (size * size);
        int o = 0;
        for (int plane = 0; plane < n * c; plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int y0 = oy * stride;
                    int x0 = ox * stride;
                    float acc = max ? Float.NEGATIVE_INFINITY : 0f;
                    for (int ky = 0; ky < size; ky++) {
                        int row = base + (y0 + ky) * w + x0;
                        for (int kx = 0; kx < size; kx++) {
                            float v = in[row + kx];
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    outF[o++] = max ? acc : acc * inv;
                }
            }
        }
        out.data().asNioFloat().put(0, outF);
        return out;
    }
}
