package org.guidancelab.engine.model.fast;

import java.nio.FloatBuffer;
import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One recurrent layer of {@link RecurrentFastModel} on time-major activations (rows {@code t*n + e}, so each step is
 * a contiguous [n, width] block). It owns its output and the buffer its output's gradient is written into, both
 * reallocated only when the batch size changes.
 */
abstract class RecurrentCell {
    final String name;
    final boolean tap;
    final int in;
    final int units;
    final DataType dtype;
    /** Gate blocks per step: 1 for a SimpleRNN, 4 for an LSTM. */
    final int gates;
    INDArray wx, wh, b, dWx, dWh, dB;
    int n = -1;
    int t;
    INDArray ones;
    INDArray h;
    INDArray dh;

    RecurrentCell(String name, boolean tap, int in, int units, int gates, DataType dtype) {
        this.name = name;
        this.tap = tap;
        this.in = in;
        this.units = units;
        this.gates = gates;
        this.dtype = dtype;
    }

    /** Number of parameters, in the reference's flat order W_x [in, g*units], W_h [units, g*units], b [g*units]. */
    long paramCount() {
        long g = (long) gates * units;
        return in * g + units * g + g;
    }

    /** Binds parameter and gradient views starting at {@code offset} of the flat [1, P] buffers. */
    void bind(INDArray params, INDArray grads, long offset) {
        long g = (long) gates * units;
        long at = offset;
        wx = matrix(params, at, in, g);
        dWx = matrix(grads, at, in, g);
        at += in * g;
        wh = matrix(params, at, units, g);
        dWh = matrix(grads, at, units, g);
        at += units * g;
        b = matrix(params, at, 1, g);
        dB = matrix(grads, at, 1, g);
    }

    /** Fills {@link #h} from the time-major input [n*T, in]. */
    abstract void forward(INDArray x);

    /**
     * From the gradient w.r.t. the output in {@link #dh} (which it may overwrite), writes the parameter gradients and,
     * when {@code dx} is not null, the gradient w.r.t. the input [n*T, in].
     */
    abstract void backward(INDArray x, INDArray dx);

    /**
     * From the pre-activation gradients of all steps {@code dPre} [n*T, gates*units]: dW_x, the bias and dW_h as one
     * gemm each over all steps (h_{t-1} pairs with step t; step 0 has no previous h), and dx when asked for.
     */
    void gradientsOverAllSteps(INDArray x, INDArray dPre, INDArray dx) {
        Blas.gemm(x, dPre, dWx, true, false, 1.0, 0.0);
        Blas.gemm(ones, dPre, dB, true, false, 1.0, 0.0);
        if (t > 1) {
            Blas.gemm(rows(h, 0, (long) (t - 1) * n), rows(dPre, n, (long) t * n), dWh, true, false, 1.0, 0.0);
        } else {
            dWh.assign(0);
        }
        if (dx != null) {
            Blas.gemm(dPre, wx, dx, false, true, 1.0, 0.0);
        }
    }

    /** Allocates the buffers of a batch of {@code batch} sequences of {@code length} steps. */
    void allocate(int batch, int length) {
        n = batch;
        t = length;
        ones = Nd4j.ones(dtype, (long) n * t, 1);
        h = Nd4j.create(dtype, (long) n * t, units);
        dh = Nd4j.create(dtype, (long) n * t, units);
    }

    /** The [rows, cols] matrix at {@code from} of a flat [1, P] buffer. */
    static INDArray matrix(INDArray flat, long from, long rows, long cols) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, from + rows * cols)).reshape('c', rows, cols);
    }

    /** Rows [from, to) of {@code a}. */
    static INDArray rows(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    /** The [n, ...] block of step {@code s} of each time-major buffer. */
    INDArray[] steps(INDArray a) {
        INDArray[] out = new INDArray[t];
        for (int s = 0; s < t; s++) {
            out[s] = rows(a, (long) s * n, (long) (s + 1) * n);
        }
        return out;
    }

    /** Copies {@code count} floats from {@code from} of a buffer a cell allocated (contiguous, offset 0). */
    static void read(INDArray a, long from, float[] into, int at, int count) {
        FloatBuffer fb = a.data().asNioFloat();
        fb.position((int) from);
        fb.get(into, at, count);
    }

    /** Copies all of {@code from} into a buffer a cell allocated, from element {@code at}. */
    static void write(float[] from, INDArray a, long at) {
        FloatBuffer fb = a.data().asNioFloat();
        fb.position((int) at);
        fb.put(from, 0, from.length);
    }
}
