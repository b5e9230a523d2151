package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.blas.Blas;
import org.guidancelab.engine.model.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written trainable path for token models Embedding -> (SimpleRNN | LSTM) x L -> per-token Output (the
 * vanilla RNN targets of the copy and language tasks, LSTM targets), forward and backward through time. Activations
 * are kept time-major, rows {@code t*n + e}, so each step is a contiguous [n, units] block; each layer is a
 * {@link RecurrentCell} ({@link SimpleRnnCell}, {@link LstmCell}). Logits and taps are handed out example-major as the
 * Model contract says (rows {@code e*T + t}; taps [n, T*width]).
 *
 * <p>It does not initialise weights: they are copied from the reference (SameDiff) model for the same spec and seed,
 * so the network is the one the general path builds, in the shared flat layout (table; per layer W_x, W_h, b; head
 * W, b).
 */
public final class RecurrentFastModel implements Model {
    private final NetworkSpec spec;
    private final DataType dtype;
    private final RecurrentPlan plan;
    private final int t, vocab, embDim, classes;
    private final List<RecurrentCell> cells = new ArrayList<>();
    private final INDArray paramsRow, gradsRow;
    private final INDArray table, wo, bo, dWo, dBo;
    private final List<String> tapNames = new ArrayList<>();
    private final Map<String, INDArray> taps = new LinkedHashMap<>();

    private int n = -1;
    private int[] ids;
    private float[] tableF, stageA, stageB;
    private final float[] dTableF;
    private INDArray ones, emb, dEmb, dEmbTap, z, dz, logits, embTap;
    private INDArray[] tapOut, tapGradStage;
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
        long total = (long) vocab * embDim;
        int in = embDim;
        for (LayerSpec layer : plan.recurrent()) {
            int u = RecurrentPlan.units(layer);
            RecurrentCell cell = layer instanceof Layers.LSTM
                    ? new LstmCell(layer.name(), layer.tap(), in, u, dtype)
                    : new SimpleRnnCell(layer.name(), layer.tap(), in, u, dtype);
            cells.add(cell);
            total += cell.paramCount();
            in = u;
        }
        total += (long) in * classes + classes;
        if (reference.params().length() != total) {
            throw new IllegalArgumentException("network '" + spec.name() + "': the reference has "
                    + reference.params().length() + " parameters, the recurrent fast path expects " + total);
        }
        paramsRow = reference.params().castTo(dtype).reshape(1, total).dup('c');
        gradsRow = Nd4j.create(dtype, 1, total);
        long at = 0;
        table = RecurrentCell.matrix(paramsRow, at, vocab, embDim);
        dTableF = new float[vocab * embDim];
        at += (long) vocab * embDim;
        for (RecurrentCell cell : cells) {
            cell.bind(paramsRow, gradsRow, at);
            at += cell.paramCount();
        }
        wo = RecurrentCell.matrix(paramsRow, at, in, classes);
        dWo = RecurrentCell.matrix(gradsRow, at, in, classes);
        at += (long) in * classes;
        bo = RecurrentCell.matrix(paramsRow, at, 1, classes);
        dBo = RecurrentCell.matrix(gradsRow, at, 1, classes);
        if (plan.embedding().tap()) {
            tapNames.add(plan.embedding().name());
        }
        for (RecurrentCell cell : cells) {
            if (cell.tap) {
                tapNames.add(cell.name);
            }
        }
    }

    /** Whether {@code spec} fits this path. */
    public static boolean supports(NetworkSpec spec) {
        return RecurrentPlan.of(spec).problem() == null;
    }

    private void ensureBatch(int batch) {
        if (batch == n) {
            return;
        }
        n = batch;
        int r = n * t;
        ids = new int[r];
        ones = Nd4j.ones(dtype, r, 1);
        emb = Nd4j.create(dtype, r, embDim);
        dEmb = Nd4j.create(dtype, r, embDim);
        dEmbTap = Nd4j.create(dtype, r, embDim);
        z = Nd4j.create(dtype, r, classes);
        dz = Nd4j.create(dtype, r, classes);
        logits = Nd4j.create(dtype, r, classes);
        embTap = Nd4j.create(dtype, n, (long) t * embDim);
        tapOut = new INDArray[cells.size()];
        tapGradStage = new INDArray[cells.size()];
        int widest = Math.max(embDim, classes);
        for (int l = 0; l < cells.size(); l++) {
            RecurrentCell cell = cells.get(l);
            cell.allocate(n, t);
            widest = Math.max(widest, cell.units);
            tapOut[l] = Nd4j.create(dtype, n, (long) t * cell.units);
            tapGradStage[l] = Nd4j.create(dtype, r, cell.units);
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
        for (int l = 0; l < cells.size(); l++) {
            RecurrentCell cell = cells.get(l);
            cell.forward(x);
            if (cell.tap) {
                reorder(cell.h, tapOut[l], cell.units, true);
                taps.put(cell.name, tapOut[l]);
            }
            x = cell.h;
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
        RecurrentCell top = cells.get(cells.size() - 1);
        if (dLogits == null) {
            dz.assign(0);
        } else {
            reorder(dLogits.dup('c'), dz, classes, false);
        }
        Blas.gemm(top.h, dz, dWo, true, false, 1.0, 0.0);
        Blas.gemm(ones, dz, dBo, true, false, 1.0, 0.0);
        Blas.gemm(dz, wo, top.dh, false, true, 1.0, 0.0);
        for (int l = cells.size() - 1; l >= 0; l--) {
            RecurrentCell cell = cells.get(l);
            INDArray tapGrad = given.get(cell.name);
            if (cell.tap && tapGrad != null) {
                reorder(tapGrad.dup('c'), tapGradStage[l], cell.units, false);
                cell.dh.addi(tapGradStage[l]);
            }
            cell.backward(l == 0 ? emb : cells.get(l - 1).h, l == 0 ? dEmb : cells.get(l - 1).dh);
        }
        INDArray embGrad = given.get(plan.embedding().name());
        if (plan.embedding().tap() && embGrad != null) {
            reorder(embGrad.dup('c'), dEmbTap, embDim, false);
            dEmb.addi(dEmbTap);
        }
        float[] dEmbF = stageA;
        Blas.get(dEmb, 0, dEmbF, n * t * embDim);
        java.util.Arrays.fill(dTableF, 0f);
        for (int row = 0; row < n * t; row++) {
            int o = ids[row] * embDim;
            int src = row * embDim;
            for (int c = 0; c < embDim; c++) {
                dTableF[o + c] += dEmbF[src + c];
            }
        }
        Blas.put(dTableF, dTableF.length, gradsRow, 0);   // the table's gradient leads the flat buffer
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
