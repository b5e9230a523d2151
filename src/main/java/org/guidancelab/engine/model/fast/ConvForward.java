package org.guidancelab.engine.model.fast;

import org.guidancelab.arch.ActivationFn;
import org.guidancelab.engine.blas.Blas;
import org.guidancelab.engine.dnnl.DnnlConvolution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Forward-only Conv2D on NCHW maps for frozen networks, as im2col + one gemm per chunk of examples: the patches of a
 * chunk are unrolled in Java into rows (example, y, x) by columns (channel, ky, kx), multiplied by W^T [C*k*k, F]
 * (the flat layout's W [F, C, k, k] read as [F, C*k*k], no copy), then bias, activation and the move back to
 * [n, F, H, W] happen in one Java pass. Every product is the one gemm, with no graph session, no per-call output
 * arrays and no weight permutation; outputs agree with the reference's native conv2d to float rounding.
 */
final class ConvForward implements ForwardStep {
    /** Patch values per chunk (floats); bounds the unrolled matrix to a few MB whatever the batch size. */
    private static final int CHUNK_VALUES = 1 << 21;

    private final int inC, inH, inW, filters, k, stride, padding, outH, outW, patch;
    private final ActivationFn fn;
    private final DataType dtype;
    private INDArray w, bias;
    private INDArray out, colsBuf, resBuf;
    private float[] in, cols, res, outF, b;
    private int chunk;
    private long batch = -1;
    /** oneDNN's forward primitives per batch size (float networks), or empty: the patch-matrix route below. */
    private final ConvKernels kernels;
    private DnnlConvolution kernel;
    private INDArray zMaps;

    ConvForward(int inC, int inH, int inW, int filters, int k, int stride, int padding, ActivationFn fn, DataType dtype) {
        if (!supports(fn)) {
            throw new IllegalArgumentException("the frozen Conv2D path has relu, tanh, sigmoid and identity, not " + fn);
        }
        this.inC = inC;
        this.inH = inH;
        this.inW = inW;
        this.filters = filters;
        this.k = k;
        this.stride = stride;
        this.padding = padding;
        this.outH = (inH + 2 * padding - k) / stride + 1;
        this.outW = (inW + 2 * padding - k) / stride + 1;
        this.patch = inC * k * k;
        this.fn = fn;
        this.dtype = dtype;
        this.kernels = new ConvKernels(new Im2col(inC, inH, inW, k, stride, padding), filters, false);
    }

    static boolean supports(ActivationFn fn) {
        return fn == ActivationFn.RELU || fn == ActivationFn.IDENTITY || fn == ActivationFn.TANH || fn == ActivationFn.SIGMOID;
    }

    @Override
    public int paramCount() {
        return filters * patch + filters;
    }

    @Override
    public int outWidth() {
        return filters * outH * outW;
    }

    @Override
    public void bind(INDArray params, long offset) {
        long wEnd = offset + (long) filters * patch;
        w = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, wEnd)).reshape('c', filters, patch);
        bias = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(wEnd, wEnd + filters));
    }

    private void ensureBatch(long n) {
        if (n == batch) {
            return;
        }
        batch = n;
        out = Nd4j.create(dtype, n, (long) outWidth());
        outF = new float[(int) (n * outWidth())];
        kernel = dtype == DataType.FLOAT ? kernels.at((int) n) : null;
        if (kernel != null) {
            zMaps = Nd4j.create(dtype, n, (long) outWidth());
            return;
        }
        int positions = outH * outW;
        chunk = (int) Math.max(1, Math.min(n, CHUNK_VALUES / Math.max(1, (long) positions * patch)));
        colsBuf = Nd4j.create(dtype, (long) chunk * positions, patch);
        resBuf = Nd4j.create(dtype, (long) chunk * positions, filters);
        in = new float[(int) (n * inC * inH * inW)];
        cols = new float[chunk * positions * patch];
        res = new float[chunk * positions * filters];
    }

    @Override
    public INDArray forward(INDArray flat) {
        long n = flat.rows();
        ensureBatch(n);
        if (kernel != null) {
            return forwardByKernel(flat);
        }
        flat.dup('c').data().asNioFloat().get(0, in);
        b = bias.toFloatVector();   // read each call: a loaded guide writes params after construction
        int positions = outH * outW;
        int inSize = inC * inH * inW;
        for (int first = 0; first < n; first += chunk) {
            int count = (int) Math.min(chunk, n - first);
            for (int e = 0; e < count; e++) {
                unroll(first + e, e * positions, inSize);
            }
            int rows = count * positions;
            colsBuf.data().asNioFloat().put(0, cols, 0, rows * patch);
            INDArray c = count == chunk ? colsBuf : colsBuf.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            INDArray r = count == chunk ? resBuf : resBuf.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            Blas.gemm(c, w, r, false, true, 1.0, 0.0);
            resBuf.data().asNioFloat().get(0, res, 0, rows * filters);
            epilogue(first, count, positions);
        }
        out.data().asNioFloat().put(0, outF);
        return out;
    }

    @Override
    public void close() {
        kernels.close();
        kernel = null;
        batch = -1;
    }

    private INDArray forwardByKernel(INDArray flat) {
        INDArray x = ConvKernels.denseRows(flat);
        kernel.forward(Blas.hostAddress(x), Blas.hostAddress(w), Blas.hostAddress(bias), Blas.hostAddress(zMaps));
        Blas.get(zMaps, 0, outF, outF.length);
        for (int i = 0; i < outF.length; i++) {
            outF[i] = activate(outF[i]);
        }
        Blas.put(outF, outF.length, out, 0);
        return out;
    }

    /** Writes the patches of example {@code e} as rows starting at row {@code row} of {@code cols}. */
    private void unroll(int e, int row, int inSize) {
        int base = e * inSize;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                int o = (row + oy * outW + ox) * patch;
                int y0 = oy * stride - padding;
                int x0 = ox * stride - padding;
                for (int c = 0; c < inC; c++) {
                    int plane = base + c * inH * inW;
                    for (int ky = 0; ky < k; ky++) {
                        int y = y0 + ky;
                        boolean rowIn = y >= 0 && y < inH;
                        for (int kx = 0; kx < k; kx++) {
                            int x = x0 + kx;
                            cols[o++] = rowIn && x >= 0 && x < inW ? in[plane + y * inW + x] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** res rows (example, position) x filters -> out [example, filter, position], plus bias and activation. */
    private void epilogue(int first, int count, int positions) {
        for (int e = 0; e < count; e++) {
            int dst = (first + e) * filters * positions;
            int src = e * positions * filters;
            for (int p = 0; p < positions; p++) {
                int s = src + p * filters;
                for (int f = 0; f < filters; f++) {
                    outF[dst + f * positions + p] = activate(res[s + f] + b[f]);
                }
            }
        }
    }

    private float activate(float z) {
        switch (fn) {
            case RELU:
                return z > 0 ? z : 0f;
            case TANH:
                return (float) Math.tanh(z);
            case SIGMOID:
                return (float) (1 / (1 + Math.exp(-z)));
            default:
                return z;
        }
    }
}
