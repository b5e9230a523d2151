package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.blas.Blas;
import org.guidancelab.engine.model.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The hand-written trainable path for token models Embedding -> SimpleRNN x L -> per-token Output (the vanilla RNN
 * targets of the copy and language tasks), forward and backward through time. Activations are kept time-major,
 * rows {@code t*n + e}, so each step is a contiguous [n, units] block: the input projection of all steps is one gemm,
 * then each step adds {@code h_{t-1} W_h} by gemm and applies tanh in place. Backward runs the recursion
 * {@code dPre_t = (dH_t + dPre_{t+1} W_h^T) * (1 - h_t^2)} with one gemm and one multiply per step, and gets dW_x,
 * dW_h and the biases from single gemms over all steps. Logits and taps are handed out example-major as the Model
 * contract says (rows {@code e*T + t}; taps [n, T*width]).
 *
 * <p>It does not initialise weights: they are copied from the reference (SameDiff) model for the same spec and seed,
 * so the network is the one the general path builds, in the shared flat layout (table; per RNN W_x, W_h, b; head W, b).
 */
public final class RecurrentFastModel implements Model {
    private final NetworkSpec spec;
    private final DataType dtype;
    private final RecurrentPlan plan;
    private final int t, vocab, embDim, classes;
    private final int[] units;
    private final INDArray paramsRow, gradsRow;
    private final INDArray table, dTable, wo, bo, dWo, dBo;
    private final INDArray[] wx, wh, b, dWx, dWh, dB;
    private final List<String> tapNames = new ArrayList<>();
    private final Map<String, INDArray> taps = new LinkedHashMap<>();

    private int n = -1;
    private int[] ids;
    private float[] tableF, stageA, stageB;
    private INDArray ones, emb, dEmb, dEmbTap, z, dz, logits, embTap;
    private INDArray[] h, dh, deriv, tapOut;
    private INDArray[][] hT, dhT, derivT;
    private boolean hasForward;

    public RecurrentFastModel(Model reference, DataType dtype) {
        this.spec = reference.spec();
        this.dtype = dtype;
        this.plan = RecurrentPlan.of(spec);
        if (plan.problem() != null) {
            throw new IllegalArgumentException("network '" + spec.name() + "' cannot use the recurrent fast path: " + plan.problem());
        }
        t = plan.length();
        vocab = plan.embedding().vocabSize();
        embDim = plan.embedding().dim();
        classes = plan.output().classes();
        int layers = plan.rnns().size();
        units = new int[layers];
        for (int l = 0; l < layers; l++) {
            units[l] = plan.rnns().get(l).units();
        }
        long total = (long) vocab * embDim;
        int in = embDim;
        for (int u : units) {
            total += (long) in * u + (long) u * u + u;
            in = u;
        }
        total += (long) in * classes + classes;
        if (reference.params().length() != total) {
            throw new IllegalArgumentException("network '" + spec.name() + "': the reference has "
                    + reference.params().length() + " parameters, the recurrent fast path expects " + total);
        }
        paramsRow = reference.params().castTo(dtype).reshape(1, total).dup('c');
        gradsRow = Nd4j.create(dtype, 1, total);
        long[] at = {0};
        table = take(paramsRow, at[0], vocab, embDim);
        dTable = take(gradsRow, at[0], vocab, embDim);
        at[0] += (long) vocab * embDim;
        wx = new INDArray[layers];
        wh = new INDArray[layers];
        b = new INDArray[layers];
        dWx = new INDArray[layers];
        dWh = new INDArray[layers];
        dB = new INDArray[layers];
        in = embDim;
        for (int l = 0; l < layers; l++) {
            int u = units[l];
            wx[l] = take(paramsRow, at[0], in, u);
            dWx[l] = take(gradsRow, at[0], in, u);
            at[0] += (long) in * u;
            wh[l] = take(paramsRow, at[0], u, u);
            dWh[l] = take(gradsRow, at[0], u, u);
            at[0] += (long) u * u;
            b[l] = take(paramsRow, at[0], 1, u);
            dB[l] = take(gradsRow, at[0], 1, u);
            at[0] += u;
            in = u;
        }
        wo = take(paramsRow, at[0], in, classes);
        dWo = take(gradsRow, at[0], in, classes);
        at[0] += (long) in * classes;
        bo = take(paramsRow, at[0], 1, classes);
        dBo = take(gradsRow, at[0], 1, classes);
        if (plan.embedding().tap()) {
            tapNames.add(plan.embedding().name());
        }
        for (Layers.SimpleRNN r : plan.rnns()) {
            if (r.tap()) {
                tapNames.add(r.name());
            }
        }
    }

    /** Whether {@code spec} fits this path. */
    public static boolean supports(NetworkSpec spec) {
        return RecurrentPlan.of(spec).problem() == null;
    }

    private static INDArray take(INDArray flat, long from, int rows, int cols) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, from + (long) rows * cols)).reshape('c', rows, cols);
    }

    private static INDArray rows(INDArray a, long from, long to) {
        return a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    }

    private void ensureBatch(int batch) {
        if (batch == n) {
            return;
        }
        n = batch;
        int r = n * t;
        int layers = units.length;
        ids = new int[r];
        ones = Nd4j.ones(dtype, r, 1);
        emb = Nd4j.create(dtype, r, embDim);
        dEmb = Nd4j.create(dtype, r, embDim);
        dEmbTap = Nd4j.create(dtype, r, embDim);
        z = Nd4j.create(dtype, r, classes);
        dz = Nd4j.create(dtype, r, classes);
        logits = Nd4j.create(dtype, r, classes);
        embTap = Nd4j.create(dtype, n, (long) t * embDim);
        h = new INDArray[layers];
        dh = new INDArray[layers];
        deriv = new INDArray[layers];
        tapOut = new INDArray[layers];
        hT = new INDArray[layers][t];
        dhT = new INDArray[layers][t];
        derivT = new INDArray[layers][t];
        int widest = Math.max(embDim, classes);
        for (int l = 0; l < layers; l++) {
            int u = units[l];
            widest = Math.max(widest, u);
            h[l] = Nd4j.create(dtype, r, u);
            dh[l] = Nd4j.create(dtype, r, u);
            deriv[l] = Nd4j.create(dtype, r, u);
            tapOut[l] = Nd4j.create(dtype, n, (long) t * u);
            for (int s = 0; s < t; s++) {
                hT[l][s] = rows(h[l], (long) s * n, (long) (s + 1) * n);
                dhT[l][s] = rows(dh[l], (long) s * n, (long) (s + 1) * n);
                derivT[l][s] = rows(deriv[l], (long) s * n, (long) (s + 1) * n);
            }
        }
        stageA = new float[r * widest];
        stageB = new float[r * widest];
    }

    /**
     * Copies {@code src} [n*T, w] to {@code dst} [n*T, w] swapping the row order between time-major (t*n + e) and
     * example-major (e*T + t); {@code toExampleMajor} says which way.
     */
    private void reorder(INDArray src, INDArray dst, int w, boolean toExampleMajor) {
        int size = n * t * w;
        src.data().asNioFloat().get((int) src.offset(), stageA, 0, size);
        for (int s = 0; s < t; s++) {
            for (int e = 0; e < n; e++) {
                int tm = (s * n + e) * w;
                int em = (e * t + s) * w;
                if (toExampleMajor) {
                    System.arraycopy(stageA, tm, stageB, em, w);
                } else {
                    System.arraycopy(stageA, em, stageB, tm, w);
                }
            }
        }
        dst.data().asNioFloat().put((int) dst.offset(), stageB, 0, size);
    }

    @Override
    public Forward forward(INDArray input, boolean training) {
        int batch = (int) input.size(0);
        if (input.length() != (long) batch * t) {
            throw new IllegalArgumentException("network '" + spec.name() + "' expects " + t
                    + " token ids per example, got shape " + java.util.Arrays.toString(input.shape()));
        }
        ensureBatch(batch);
        float[] raw = input.castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int i = 0; i < raw.length; i++) {
            int k = (int) raw[i];
            if (k != raw[i] || k < 0 || k >= vocab) {
                throw new IllegalArgumentException("layer 1 '" + plan.embedding().name() + "': token ids must be integers in [0, "
                        + (vocab - 1) + "], got " + raw[i] + " at example " + (i / t) + ", position " + (i % t));
            }
            ids[(i % t) * n + i / t] = k;   // time-major
        }
        tableF = table.dup('c').data().asFloat();
        for (int row = 0; row < n * t; row++) {
            System.arraycopy(tableF, ids[row] * embDim, stageB, row * embDim, embDim);
        }
        emb.data().asNioFloat().put(0, stageB, 0, n * t * embDim);
        taps.clear();
        if (plan.embedding().tap()) {
            reorder(emb, embTap, embDim, true);
            taps.put(plan.embedding().name(), embTap);
        }
        INDArray x = emb;
        for (int l = 0; l < units.length; l++) {
            Blas.gemm(ones, b[l], h[l], false, false, 1.0, 0.0);
            Blas.gemm(x, wx[l], h[l], false, false, 1.0, 1.0);
            for (int s = 0; s < t; s++) {
                if (s > 0) {
                    Blas.gemm(hT[l][s - 1], wh[l], hT[l][s], false, false, 1.0, 1.0);
                }
                Nd4j.exec(new Tanh(hT[l][s], hT[l][s]));
            }
            if (plan.rnns().get(l).tap()) {
                reorder(h[l], tapOut[l], units[l], true);
                taps.put(plan.rnns().get(l).name(), tapOut[l]);
            }
            x = h[l];
        }
        Blas.gemm(ones, bo, z, false, false, 1.0, 0.0);
        Blas.gemm(x, wo, z, false, false, 1.0, 1.0);
        reorder(z, logits, classes, true);
        hasForward = true;
        return new Forward(logits, Collections.unmodifiableMap(taps));
    }

    @Override
    public void backward(INDArray dLogits, Map<String, INDArray> dTaps) {
        if (!hasForward) {
            throw new IllegalStateException("backward called before forward");
        }
        Map<String, INDArray> given = dTaps == null ? Map.of() : dTaps;
        int last = units.length - 1;
        if (dLogits == null) {
            dz.assign(0);
        } else {
            reorder(dLogits.dup('c'), dz, classes, false);
        }
        Blas.gemm(h[last], dz, dWo, true, false, 1.0, 0.0);
        Blas.gemm(ones, dz, dBo, true, false, 1.0, 0.0);
        Blas.gemm(dz, wo, dh[last], false, true, 1.0, 0.0);
        for (int l = last; l >= 0; l--) {
            INDArray tapGrad = given.get(plan.rnns().get(l).name());
            if (plan.rnns().get(l).tap() && tapGrad != null) {
                // deriv is free until the recursion below: use it to stage the tap gradient time-major.
                reorder(tapGrad.dup('c'), deriv[l], units[l], false);
                dh[l].addi(deriv[l]);
            }
            // 1 - h^2 for every step at once; the recursion then needs one gemm and one multiply per step.
            Nd4j.exec(new MulOp(h[l], h[l], deriv[l]));
            deriv[l].rsubi(1.0);
            for (int s = t - 1; s >= 0; s--) {
                if (s < t - 1) {
                    Blas.gemm(dhT[l][s + 1], wh[l], dhT[l][s], false, true, 1.0, 1.0);
                }
                Nd4j.exec(new MulOp(dhT[l][s], derivT[l][s], dhT[l][s]));   // dh now holds dPre
            }
            INDArray x = l == 0 ? emb : h[l - 1];
            Blas.gemm(x, dh[l], dWx[l], true, false, 1.0, 0.0);
            Blas.gemm(ones, dh[l], dB[l], true, false, 1.0, 0.0);
            if (t > 1) {
                Blas.gemm(rows(h[l], 0, (long) (t - 1) * n), rows(dh[l], n, (long) t * n), dWh[l], true, false, 1.0, 0.0);
            } else {
                dWh[l].assign(0);
            }
            Blas.gemm(dh[l], wx[l], l == 0 ? dEmb : dh[l - 1], false, true, 1.0, 0.0);
        }
        INDArray embGrad = given.get(plan.embedding().name());
        if (plan.embedding().tap() && embGrad != null) {
            reorder(embGrad.dup('c'), dEmbTap, embDim, false);
            dEmb.addi(dEmbTap);
        }
        float[] dEmbF = dEmb.data().asFloat();
        float[] dT = new float[vocab * embDim];
        for (int row = 0; row < n * t; row++) {
            int o = ids[row] * embDim;
            int src = row * embDim;
            for (int c = 0; c < embDim; c++) {
                dT[o + c] += dEmbF[src + c];
            }
        }
        dTable.assign(Nd4j.create(dT, new long[] {vocab, embDim}, 'c'));
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
    public INDArray state() {
        return Nd4j.create(dtype, 1, 0);
    }

    @Override
    public void close() {
        // Plain ND4J arrays, released with the model.
    }
}
