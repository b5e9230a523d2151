package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.blas.Blas;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.StochasticModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written fast path for networks of Input(real), Flatten, Reshape, Dense, Conv2D, MaxPool2D, AvgPool2D,
 * GlobalAvgPool, Activation, Dropout and a per-example Output: activations stay flat per example (maps in NCHW
 * order), every product is a gemm into a buffer kept between steps, and parameters and gradients are views of one
 * flat buffer each (the shared layout: per layer W, Dense [in, out] or Conv2D [F, C, k, k] in 'c' order, then b). With an unchanged batch size a training step allocates no arrays. {@link FastNetworkPlan} decides whether a
 * spec fits; ModelFactory falls back to SameDiff otherwise.
 */
public final class FastModel implements Model, StochasticModel {
    private final NetworkSpec spec;
    private final DataType dtype;
    private final List<FastLayer> layers;
    private final int inputWidth;
    private final INDArray paramsRow;
    private final INDArray gradsRow;
    private final List<String> tapNames = new ArrayList<>();
    private final Map<String, INDArray> taps = new LinkedHashMap<>();
    private final long seed;
    private long forwardCount;
    private INDArray dTop;
    private INDArray lastInput;
    private boolean hasForward;

    public FastModel(NetworkSpec spec, long seed, DataType dtype) {
        FastNetworkPlan plan = FastNetworkPlan.of(spec, dtype);
        if (plan.problem() != null) {
            throw new IllegalArgumentException("network '" + spec.name() + "' cannot use the fast path: " + plan.problem());
        }
        this.spec = spec;
        this.dtype = dtype;
        this.seed = seed;
        this.layers = plan.layers();
        this.inputWidth = plan.inputWidth();
        long total = 0;
        for (FastLayer l : layers) {
            total += l.paramCount();
            if (l.tap) {
                tapNames.add(l.name);
            }
        }
        this.paramsRow = Nd4j.create(dtype, 1, total);
        this.gradsRow = Nd4j.create(dtype, 1, total);
        double[] init = new double[(int) total];
        Random random = new Random(seed);
        long offset = 0;
        for (FastLayer l : layers) {
            l.initialise(init, (int) offset, random);
            l.bind(paramsRow, gradsRow, offset);
            offset += l.paramCount();
        }
        if (total > 0) {
            paramsRow.assign(Nd4j.createFromArray(init).reshape(1, total).castTo(dtype));
        }
    }

    /** Whether {@code spec} can run on this path (no exception, for the factory). */
    public static boolean supports(NetworkSpec spec) {
        return FastNetworkPlan.of(spec, DataType.FLOAT).problem() == null;
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public List<String> tapNames() {
        return Collections.unmodifiableList(tapNames);
    }

    @Override
    public INDArray params() {
        return paramsRow;
    }

    @Override
    public INDArray gradients() {
        return gradsRow;
    }

    @Override
    public Forward forward(INDArray input, boolean training) {
        long n = input.size(0);
        if (input.length() != n * inputWidth) {
            throw new IllegalArgumentException("network '" + spec.name() + "' expects " + inputWidth
                    + " input values per example, got shape " + java.util.Arrays.toString(input.shape()));
        }
        INDArray x = input.dataType() == dtype ? input : input.castTo(dtype);
        if (x.rank() != 2 || x.size(1) != inputWidth) {
            x = x.reshape('c', n, inputWidth); // a new array object per call: skipped when the shape is already right
        }
        lastInput = x;
        SplittableRandom dropoutRandom = training ? new SplittableRandom(seed * 0x9E3779B97F4A7C15L + forwardCount) : null;
        if (training) {
            forwardCount++;
        }
        taps.clear();
        INDArray h = x;
        for (FastLayer l : layers) {
            if (training && l instanceof DropoutLayer d) {
                d.drawMask(dropoutRandom, n);
            }
            h = l.forward(h, training);
            if (l.tap) {
                taps.put(l.name, h);
            }
        }
        hasForward = true;
        return new Forward(h, Collections.unmodifiableMap(taps));
    }

    @Override
    public void backward(INDArray dLogits, Map<String, INDArray> dTaps) {
        if (!hasForward) {
            throw new IllegalStateException("backward called before forward");
        }
        long n = lastInput.rows();
        FastLayer last = layers.get(layers.size() - 1);
        if (dTop == null || dTop.rows() != n || dTop.columns() != last.outWidth) {
            dTop = Nd4j.create(dtype, n, last.outWidth);
        }
        // Our own copy: taps add into the gradient flowing down, which must not alter the caller's array.
        if (dLogits == null) {
            dTop.assign(0);
        } else {
            Blas.copy(dLogits, dTop);
        }
        int firstTrainable = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).paramCount() > 0) {
                firstTrainable = i;
                break;
            }
        }
        // No zeroing needed: every trainable layer overwrites its own gradient views (gemm with beta 0).
        INDArray d = dTop;
        for (int i = layers.size() - 1; i >= 0 && i >= firstTrainable; i--) {
            FastLayer l = layers.get(i);
            if (l.tap && dTaps != null) {
                INDArray dt = dTaps.get(l.name);
                if (dt != null) {
                    Blas.axpy(1.0, dt.rank() == 2 && dt.size(1) == l.outWidth ? dt : dt.reshape('c', n, l.outWidth), d);
                }
            }
            d = l.backward(d, i > firstTrainable);
        }
    }

    @Override
    public INDArray state() {
        return Nd4j.create(dtype, 1, 0);
    }

    @Override
    public long randomState() {
        return forwardCount;
    }

    @Override
    public void setRandomState(long state) {
        forwardCount = state;
    }

    @Override
    public void close() {
        // ND4J arrays go with the garbage collector; oneDNN's primitives (convolutions) are freed here.
        for (FastLayer l : layers) {
            l.close();
        }
    }
}
