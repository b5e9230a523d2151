package org.guidancelab.engine.model.fast;

import java.nio.FloatBuffer;
import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.engine.blas.Blas;
import org.guidancelab.engine.dnnl.DnnlConvolution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trainable Conv2D on NCHW maps kept flat per example, y = act(W * x + b) with W [F, C, k, k] then b [F] in the
 * flat buffer (the shared layout; W is read as [F, C*k*k] with no copy). Each pass is one gemm over the whole batch on
 * the patch matrix of {@link Im2col}: forward W cols, weight gradient dZ cols^T, bias gradient dZ ones, and the input
 * gradient as a convolution of dZ ({@link ConvInputGradient}, stride 1) or the patch gradient W^T dZ folded back.
 * Bias, activation and its slope are fused into the Java passes that move values between the gemm's [F, n*P] layout
 * and the maps' [n, F, P]. Batches above a chunk of a few MB of patches (evaluation, probes) run chunk by chunk. All
 * buffers are kept between steps; a training step of one chunk allocates none of its own.
 */
final class ConvLayer extends FastLayer {
    /** Patch values per chunk of examples: bounds the patch matrix (a few MB) for evaluation and probe batches. */
    private static final long CHUNK_VALUES = 1 << 21;

    private final Im2col geometry;
    private final int filters, patch, positions;
    private final ActivationFn fn;
    private final boolean he;
    /** The input gradient as a convolution (stride 1), or null: then the patch gradient is folded back. */
    private final ConvInputGradient inputGradient;
    private final float[] wF;
    private INDArray w, b, dw, db;
    private INDArray cols, z, out, dZ, dCols, dIn, colsM, zM, dZM, dColsM, ones;
    private float[] inF, zF, aF, dOutF, dZF, dColsF, dInF, bF;
    /** The patch matrix's native memory, written in place by the unroll. */
    private FloatBuffer colsBuffer;
    private int batch = -1;
    private int chunk;
    /** Maps per unroll that the patch matrix's zero padding is laid out for (0: not yet). */
    private int unrolledCount;
    /** oneDNN's convolutions per batch size met (training, evaluation), or empty on the patch-matrix route. */
    private final ConvKernels kernels;
    /** The convolution of the current batch size through oneDNN, or null: the patch-matrix route. */
    private DnnlConvolution kernel;
    /** The maps before the activation and their gradient, [n, F*P], for oneDNN. */
    private INDArray zMaps, dZMaps;
    /** The input of the last forward pass, which backward-weights reads. */
    private INDArray input;

    /** {@code reluFollows}: a ReLU comes after this layer (through Dropout), which selects He initialisation. */
    ConvLayer(String name, boolean tap, Im2col geometry, int filters, ActivationFn fn, boolean reluFollows) {
        super(name, tap, geometry.inC * geometry.inH * geometry.inW, filters * geometry.positions());
        if (!ConvForward.supports(fn)) {
            throw new IllegalArgumentException("the Conv2D fast path has relu, tanh, sigmoid and identity, not " + fn);
        }
        this.geometry = geometry;
        this.filters = filters;
        this.patch = geometry.rows();
        this.positions = geometry.positions();
        this.fn = fn;
        this.he = reluFollows || fn == ActivationFn.RELU;
        this.inputGradient = ConvInputGradient.fits(geometry.k, geometry.stride, geometry.padding)
                ? new ConvInputGradient(geometry.inC, filters, geometry.outH, geometry.outW, geometry.k, geometry.padding)
                : null;
        this.wF = new float[filters * patch];
        this.bF = new float[filters];
        this.kernels = new ConvKernels(geometry, filters, true);
    }

    @Override
    int paramCount() {
        return filters * patch + filters;
    }

    @Override
    void bind(INDArray params, INDArray grads, long offset) {
        long wEnd = offset + (long) filters * patch;
        w = view(params, offset, wEnd).reshape('c', filters, patch);
        dw = view(grads, offset, wEnd).reshape('c', filters, patch);
        b = view(params, wEnd, wEnd + filters);
        db = view(grads, wEnd, wEnd + filters).reshape('c', filters, 1);
    }

    private static INDArray view(INDArray flat, long from, long to) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, to));
    }

    /** The SameDiff reference's draw: He N(0, 2/fanIn) when a ReLU follows, else Xavier with fanOut F*k*k; b = 0. */
    @Override
    void initialise(double[] flat, int offset, Random random) {
        int k2 = geometry.k * geometry.k;
        double std = he ? Math.sqrt(2.0 / patch) : Math.sqrt(2.0 / (patch + (double) filters * k2));
        for (int i = 0; i < filters * patch; i++) {
            flat[offset + i] = random.nextGaussian() * std;
        }
    }

    private void ensureBatch(int n) {
        if (n == batch) {
            return;
        }
        batch = n;
        out = Nd4j.create(DataType.FLOAT, n, outWidth);
        dIn = Nd4j.create(DataType.FLOAT, n, inWidth);
        aF = new float[n * outWidth];
        dOutF = new float[n * outWidth];
        kernel = kernels.at(n);
        if (kernel != null) {
            zMaps = Nd4j.create(DataType.FLOAT, n, outWidth);
            dZMaps = Nd4j.create(DataType.FLOAT, n, outWidth);
            zF = new float[n * outWidth];
            return;
        }
        chunk = (int) Math.max(1, Math.min(n, CHUNK_VALUES / ((long) positions * patch)));
        int columns = chunk * positions;
        cols = Nd4j.create(DataType.FLOAT, (long) patch * columns);
        z = Nd4j.create(DataType.FLOAT, (long) filters * columns);
        dZ = Nd4j.create(DataType.FLOAT, (long) filters * columns);
        colsM = cols.reshape('c', patch, columns);
        zM = z.reshape('c', filters, columns);
        dZM = dZ.reshape('c', filters, columns);
        ones = Nd4j.ones(DataType.FLOAT, columns, 1);
        dCols = null;
        inF = new float[n * inWidth];
        dInF = new float[n * inWidth];
        colsBuffer = cols.data().asNioFloat();
        unrolledCount = 0;
        zF = new float[filters * columns];
        dZF = new float[filters * columns];
    }

    /**
     * The first rows x columns values of a flat buffer as a [rows, columns] matrix: {@code whole} (made once) for a
     * whole chunk, a new view only for a batch's last, shorter chunk.
     */
    private INDArray matrix(INDArray flat, INDArray whole, int rows, int columns) {
        if (columns == chunk * positions) {
            return whole;
        }
        return flat.get(NDArrayIndex.interval(0, (long) rows * columns)).reshape('c', rows, columns);
    }

    @Override
    INDArray forward(INDArray x, boolean training) {
        int n = (int) x.rows();
        ensureBatch(n);
        if (kernel != null) {
            return forwardByKernel(x);
        }
        Blas.get(x, 0, inF, inF.length);
        Blas.get(b, 0, bF, filters);
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            int columns = count * positions;
            unroll(first, count);
            Blas.gemm(w, matrix(cols, colsM, patch, columns), matrix(z, zM, filters, columns), false, false, 1.0, 0.0);
            Blas.get(z, 0, zF, filters * columns);
            activate(first, count);
        }
        Blas.put(aF, aF.length, out, 0);
        return out;
    }

    @Override
    void close() {
        kernels.close();
        kernel = null;
        batch = -1;
    }

    private INDArray forwardByKernel(INDArray x) {
        input = ConvKernels.denseRows(x);
        kernel.forward(Blas.hostAddress(input), Blas.hostAddress(w), Blas.hostAddress(b), Blas.hostAddress(zMaps));
        Blas.get(zMaps, 0, zF, zF.length);
        if (fn == ActivationFn.RELU) {
            for (int i = 0; i < zF.length; i++) {
                aF[i] = Math.max(zF[i], 0f);
            }
        } else {
            for (int i = 0; i < zF.length; i++) {
                aF[i] = activate(zF[i]);
            }
        }
        Blas.put(aF, aF.length, out, 0);
        return out;
    }

    private INDArray backwardByKernel(boolean needInputGradient) {
        if (fn == ActivationFn.RELU) {
            for (int i = 0; i < dOutF.length; i++) {
                dOutF[i] = Activations.reluMasked(aF[i], dOutF[i]);
            }
        } else {
            for (int i = 0; i < dOutF.length; i++) {
                dOutF[i] *= slope(aF[i]);
            }
        }
        Blas.put(dOutF, dOutF.length, dZMaps, 0);
        long dZ = Blas.hostAddress(dZMaps);
        kernel.backwardWeights(Blas.hostAddress(input), dZ, Blas.hostAddress(dw), Blas.hostAddress(db));
        if (!needInputGradient) {
            return null;
        }
        kernel.backwardData(dZ, Blas.hostAddress(w), Blas.hostAddress(dIn));
        return dIn;
    }

    /** The patches of examples first.. into the patch matrix. */
    private void unroll(int first, int count) {
        if (count != unrolledCount) {
            geometry.zeroPadding(colsBuffer, count);
            unrolledCount = count;
        }
        geometry.unroll(inF, first, count, colsBuffer);
    }

    @Override
    INDArray backward(INDArray dOut, boolean needInputGradient) {
        int n = batch;
        Blas.get(dOut, 0, dOutF, dOutF.length);
        if (kernel != null) {
            return backwardByKernel(needInputGradient);
        }
        if (needInputGradient && inputGradient != null) {
            Blas.get(w, 0, wF, wF.length);
            inputGradient.setWeights(wF);
        } else if (needInputGradient && dCols == null) {
            dCols = Nd4j.create(DataType.FLOAT, (long) patch * chunk * positions);
            dColsM = dCols.reshape('c', patch, chunk * positions);
            dColsF = new float[patch * chunk * positions];
        }
        for (int first = 0; first < n; first += chunk) {
            int count = Math.min(chunk, n - first);
            int columns = count * positions;
            if (count < n) {
                // Several chunks: the patch matrix holds the last one, so this one's patches are unrolled again.
                unroll(first, count);
            }
            slopeTimesGradient(first, count);
            Blas.put(dZF, filters * columns, dZ, 0);
            INDArray dZm = matrix(dZ, dZM, filters, columns);
            double beta = first == 0 ? 0.0 : 1.0;
            Blas.gemm(dZm, matrix(cols, colsM, patch, columns), dw, false, true, 1.0, beta);
            INDArray onesPart = count == chunk ? ones : ones.get(NDArrayIndex.interval(0, columns), NDArrayIndex.all());
            // The bias gradient, a sum over examples and positions, as a product with ones (cheaper than a reduction).
            Blas.gemm(dZm, onesPart, db, false, false, 1.0, beta);
            if (needInputGradient && inputGradient != null) {
                inputGradient.compute(dOutF, first, count, chunk, dInF);
            } else if (needInputGradient) {
                Blas.gemm(w, dZm, matrix(dCols, dColsM, patch, columns), true, false, 1.0, 0.0);
                Blas.get(dCols, 0, dColsF, patch * columns);
                geometry.fold(dColsF, first, count, dInF);
            }
        }
        if (!needInputGradient) {
            return null;
        }
        Blas.put(dInF, dInF.length, dIn, 0);
        return dIn;
    }

    /**
     * dZ of examples first.. from dOut and the activation's slope, in the gemm's [F, count * P] layout (dZF) and in
     * place of dOut in the maps' [n, F, P] (for the input gradient by convolution).
     */
    private void slopeTimesGradient(int first, int count) {
        int columns = count * positions;
        for (int f = 0; f < filters; f++) {
            for (int e = 0; e < count; e++) {
                int src = ((first + e) * filters + f) * positions;
                int dst = f * columns + e * positions;
                if (fn == ActivationFn.RELU) {
                    for (int p = 0; p < positions; p++) {
                        float g = Activations.reluMasked(aF[src + p], dOutF[src + p]);
                        dOutF[src + p] = g;
                        dZF[dst + p] = g;
                    }
                } else {
                    for (int p = 0; p < positions; p++) {
                        float g = dOutF[src + p] * slope(aF[src + p]);
                        dOutF[src + p] = g;
                        dZF[dst + p] = g;
                    }
                }
            }
        }
    }

    /** aF of examples first.. in [n, F, P] from the gemm's zF [F, count * P], bias and activation added. */
    private void activate(int first, int count) {
        int columns = count * positions;
        for (int e = 0; e < count; e++) {
            for (int f = 0; f < filters; f++) {
                int src = f * columns + e * positions;
                int dst = ((first + e) * filters + f) * positions;
                float bias = bF[f];
                if (fn == ActivationFn.RELU) {
                    // A loop of its own: the common case, which the JIT vectorises.
                    for (int p = 0; p < positions; p++) {
                        aF[dst + p] = Math.max(zF[src + p] + bias, 0f);
                    }
                } else {
                    for (int p = 0; p < positions; p++) {
                        aF[dst + p] = activate(zF[src + p] + bias);
                    }
                }
            }
        }
    }

    private float activate(float v) {
        switch (fn) {
            case TANH:
                return FastTanh.tanh(v);
            case SIGMOID:
                return FastTanh.sigmoid(v);
            default:
                return v;
        }
    }

    /** f'(z) from the output a = f(z), as {@link Activations}' backward. */
    private float slope(float a) {
        switch (fn) {
            case TANH:
                return 1 - a * a;
            case SIGMOID:
                return a * (1 - a);
            default:
                return 1f;
        }
    }
}
