package org.guidancelab.engine.model.fast;

import java.util.Arrays;
import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trainable-path max or average pooling (no padding, as the reference) on NCHW maps, in Java passes over reused
 * arrays. Max pooling remembers which input each output came from, so its backward routes the gradient there (the
 * first maximum of a window on ties).
 */
final class PoolLayer extends FastLayer {
    private final int h, w, size, stride, outH, outW;
    private final boolean max;
    private INDArray out, dIn;
    private float[] inF, outF, dOutF, dInF;
    /** Per output, max: the input it came from; average: its window's first input. */
    private int[] source;
    private int batch = -1;

    PoolLayer(String name, boolean tap, int c, int h, int w, int size, int stride, boolean max) {
        super(name, tap, c * h * w, c * ((h - size) / stride + 1) * ((w - size) / stride + 1));
        this.h = h;
        this.w = w;
        this.size = size;
        this.stride = stride;
        this.outH = (h - size) / stride + 1;
        this.outW = (w - size) / stride + 1;
        this.max = max;
    }

    @Override
    INDArray forward(INDArray x, boolean training) {
        int n = (int) x.rows();
        if (n != batch) {
            batch = n;
            out = Nd4j.create(DataType.FLOAT, n, outWidth);
            dIn = Nd4j.create(DataType.FLOAT, n, inWidth);
            inF = new float[n * inWidth];
            outF = new float[n * outWidth];
            dOutF = new float[n * outWidth];
            dInF = new float[n * inWidth];
            source = new int[n * outWidth];
        }
        Blas.get(x, 0, inF, inF.length);
        float inv = 1f / (size * size);
        int planes = n * inWidth / (h * w);
        int o = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int corner = base + oy * stride * w + ox * stride;
                    float acc = max ? Float.NEGATIVE_INFINITY : 0f;
                    int at = corner;
                    for (int ky = 0; ky < size; ky++) {
                        for (int kx = 0; kx < size; kx++) {
                            int i = corner + ky * w + kx;
                            if (!max) {
                                acc += inF[i];
                            } else if (inF[i] > acc || i == corner) {
                                acc = inF[i];
                                at = i;
                            }
                        }
                    }
                    source[o] = at;
                    outF[o++] = max ? acc : acc * inv;
                }
            }
        }
        Blas.put(outF, outF.length, out, 0);
        return out;
    }

    @Override
    INDArray backward(INDArray dOut, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        Blas.get(dOut, 0, dOutF, dOutF.length);
        Arrays.fill(dInF, 0f);
        if (max) {
            for (int o = 0; o < dOutF.length; o++) {
                dInF[source[o]] += dOutF[o];
            }
        } else {
            float inv = 1f / (size * size);
            for (int o = 0; o < dOutF.length; o++) {
                int corner = source[o];
                float g = dOutF[o] * inv;
                for (int ky = 0; ky < size; ky++) {
                    for (int kx = 0; kx < size; kx++) {
                        dInF[corner + ky * w + kx] += g;
                    }
                }
            }
        }
        Blas.put(dInF, dInF.length, dIn, 0);
        return dIn;
    }
}
