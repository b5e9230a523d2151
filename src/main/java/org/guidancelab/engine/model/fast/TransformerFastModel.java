package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written trainable path for token Transformers, Embedding -> [PositionalEmbedding] -> TransformerBlock x L
 * (no dropout) -> per-token Output, forward and backward. Activations are example-major rows {@code e*T + t} of
 * [n*T, d], which is already the Model contract's layout: logits [n*T, classes] and each tap [n, T*d] are the
 * buffers themselves. Each block is a {@link TransformerBlockLayer}; the embedding lookup, the positional add and
 * their gradients run in Java.
 *
 * <p>It does not initialise weights: they are copied from the reference (SameDiff) model for the same spec and seed,
 * in the shared flat layout (table; positions [maxLength, d]; per block the reference's sixteen arrays; head W, b).
 */
public final class TransformerFastModel implements Model {
    private static final DataType F = DataType.FLOAT;

    private final NetworkSpec spec;
    private final TransformerPlan plan;
    private final int t, vocab, d, classes;
    private final List<TransformerBlockLayer> blocks = new ArrayList<>();
    private final INDArray paramsRow, gradsRow;
    private final INDArray table, dTable, positions, dPositions, wo, bo, dWo, dBo;
    private final float[] tableF, positionsF, dTableF, dPositionsF;
    private final List<String> tapNames = new ArrayList<>();
    private final Map<String, INDArray> taps = new LinkedHashMap<>();

    private int n = -1;
    /** The largest batch allocated; the Java arrays are that long and the INDArrays below are row prefixes of *All. */
    private int capacity;
    private int[] ids;
    private float[] idsF, embA, inA, dA, scratch;
    private INDArray onesAll, embAll, inAll, logitsAll, dxAll;
    private INDArray ones, emb, in, logits, dx, embTap, inTap;
    private INDArray[] blockTaps;
    private boolean hasForward;

    /** A trainable copy of {@code reference}'s parameters (same spec, same flat layout). */
    public TransformerFastModel(Model reference) {
        this.spec = reference.spec();
        this.plan = TransformerPlan.of(spec);
        if (plan.problem() != null) {
            throw new IllegalArgumentException("network '" + spec.name() + "' cannot use the Transformer fast path: " + plan.problem());
        }
        t = plan.length();
        vocab = plan.embedding().vocabSize();
        d = plan.embedding().dim();
        classes = plan.output().classes();
        long total = (long) vocab * d;
        if (plan.positional() != null) {
            total += (long) plan.positional().maxLength() * d;
        }
        for (Layers.TransformerBlock tb : plan.blocks()) {
            TransformerBlockLayer block = new TransformerBlockLayer(tb.name(), tb.tap(), t, d, tb.heads(), tb.ffWidth(), tb.causal());
            blocks.add(block);
            total += block.paramCount();
        }
        total += (long) d * classes + classes;
        if (reference.params().length() != total) {
            throw new IllegalArgumentException("network '" + spec.name() + "': the reference has "
                    + reference.params().length() + " parameters, the Transformer fast path expects " + total);
        }
        paramsRow = reference.params().castTo(F).reshape(1, total).dup('c');
        gradsRow = Nd4j.create(F, 1, total);
        long at = 0;
        table = RecurrentCell.matrix(paramsRow, at, vocab, d);
        dTable = RecurrentCell.matrix(gradsRow, at, vocab, d);
        at += (long) vocab * d;
        if (plan.positional() != null) {
            // Only rows 0..T-1 are used; the gradient of the rest stays zero.
            positions = RecurrentCell.matrix(paramsRow, at, t, d);
            dPositions = RecurrentCell.matrix(gradsRow, at, t, d);
            at += (long) plan.positional().maxLength() * d;
        } else {
            positions = null;
            dPositions = null;
        }
        for (TransformerBlockLayer block : blocks) {
            block.bind(paramsRow, gradsRow, at);
            at += block.paramCount();
        }
        wo = RecurrentCell.matrix(paramsRow, at, d, classes);
        dWo = RecurrentCell.matrix(gradsRow, at, d, classes);
        at += (long) d * classes;
        bo = RecurrentCell.matrix(paramsRow, at, 1, classes);
        dBo = RecurrentCell.matrix(gradsRow, at, 1, classes);
        tableF = new float[vocab * d];
        dTableF = new float[vocab * d];
        positionsF = new float[t * d];
        dPositionsF = new float[t * d];
        if (plan.embedding().tap()) {
            tapNames.add(plan.embedding().name());
        }
        if (plan.positional() != null && plan.positional().tap()) {
            tapNames.add(plan.positional().name());
        }
        for (TransformerBlockLayer block : blocks) {
            if (block.tap) {
                tapNames.add(block.name);
            }
        }
    }

    /** Whether {@code spec} fits this path. */
    public static boolean supports(NetworkSpec spec) {
        return TransformerPlan.of(spec).problem() == null;
    }

    /**
     * Sizes the buffers for {@code batch} examples: allocates only for a batch larger than any before (a training batch
     * alternating with a larger evaluation batch would otherwise reallocate everything at each switch) and otherwise
     * takes row prefixes of the buffers kept.
     */
    private void ensureBatch(int batch) {
        if (batch == n) {
            return;
        }
        n = batch;
        if (batch > capacity) {
            allocateCapacity(batch);
        }
        long r = (long) n * t;
        ones = TransformerBlockLayer.rows(onesAll, r);
        emb = TransformerBlockLayer.rows(embAll, r);
        in = TransformerBlockLayer.rows(inAll, r);
        logits = TransformerBlockLayer.rows(logitsAll, r);
        dx = TransformerBlockLayer.rows(dxAll, r);
        embTap = TransformerBlockLayer.rows(embAll.reshape('c', capacity, (long) t * d), n);
        inTap = TransformerBlockLayer.rows(inAll.reshape('c', capacity, (long) t * d), n);
        for (int l = 0; l < blocks.size(); l++) {
            TransformerBlockLayer block = blocks.get(l);
            block.allocate(n);
            blockTaps[l] = TransformerBlockLayer.rows(block.outCapacity().reshape('c', capacity, (long) t * d), n);
        }
    }

    private void allocateCapacity(int batch) {
        capacity = batch;
        int r = batch * t;
        ids = new int[r];
        idsF = new float[r];
        embA = new float[r * d];
        inA = plan.positional() == null ? embA : new float[r * d];
        dA = new float[r * d];
        scratch = new float[r * d];
        onesAll = Nd4j.ones(F, r, 1);
        embAll = Nd4j.create(F, r, d);
        inAll = plan.positional() == null ? embAll : Nd4j.create(F, r, d);
        logitsAll = Nd4j.create(F, r, classes);
        dxAll = Nd4j.create(F, r, d);
        blockTaps = new INDArray[blocks.size()];
    }

    @Override
    public Forward forward(INDArray input, boolean training) {
        int batch = (int) input.size(0);
        if (input.length() != (long) batch * t) {
            throw new IllegalArgumentException("network '" + spec.name() + "' expects " + t
                    + " token ids per example, got shape " + Arrays.toString(input.shape()));
        }
        ensureBatch(batch);
        int r = n * t;
        HostFloats.readAny(input, idsF, r);
        for (int i = 0; i < r; i++) {
            int k = (int) idsF[i];
            if (k != idsF[i] || k < 0 || k >= vocab) {
                throw new IllegalArgumentException("layer 1 '" + plan.embedding().name() + "': token ids must be integers in [0, "
                        + (vocab - 1) + "], got " + idsF[i] + " at example " + (i / t) + ", position " + (i % t));
            }
            ids[i] = k;
        }
        HostFloats.read(table, tableF, vocab * d);
        for (int i = 0; i < r; i++) {
            System.arraycopy(tableF, ids[i] * d, embA, i * d, d);
        }
        if (plan.positional() != null) {
            HostFloats.read(positions, positionsF, t * d);
            for (int i = 0; i < r; i++) {
                int o = i * d;
                int p = (i % t) * d;
                for (int c = 0; c < d; c++) {
                    inA[o + c] = embA[o + c] + positionsF[p + c];
                }
            }
            if (plan.embedding().tap()) {
                HostFloats.write(embA, emb, r * d);
            }
        }
        HostFloats.write(inA, in, r * d);
        INDArray x = in;
        float[] xa = inA;
        for (TransformerBlockLayer block : blocks) {
            block.forward(x, xa);
            x = block.out;
            xa = block.outA;
        }
        Blas.gemm(ones, bo, logits, false, false, 1.0, 0.0);
        Blas.gemm(x, wo, logits, false, false, 1.0, 1.0);
        taps.clear();
        if (plan.embedding().tap()) {
            taps.put(plan.embedding().name(), embTap);
        }
        if (plan.positional() != null && plan.positional().tap()) {
            taps.put(plan.positional().name(), inTap);
        }
        for (int l = 0; l < blocks.size(); l++) {
            if (blocks.get(l).tap) {
                taps.put(blocks.get(l).name, blockTaps[l]);
            }
        }
        hasForward = true;
        return new Forward(logits, Collections.unmodifiableMap(taps));
    }

    @Override
    public void backward(INDArray dLogits, Map<String, INDArray> dTaps) {
        if (!hasForward) {
            throw new IllegalStateException("backward called before forward");
        }
        Map<String, INDArray> given = dTaps == null ? Map.of() : dTaps;
        int r = n * t;
        int size = r * d;
        TransformerBlockLayer top = blocks.get(blocks.size() - 1);
        if (dLogits == null) {
            dWo.assign(0);
            dBo.assign(0);
            Arrays.fill(dA, 0f);
        } else {
            Blas.gemm(top.out, dLogits, dWo, true, false, 1.0, 0.0);
            Blas.gemm(ones, dLogits, dBo, true, false, 1.0, 0.0);
            Blas.gemm(dLogits, wo, dx, false, true, 1.0, 0.0);
            HostFloats.read(dx, dA, size);
        }
        for (int l = blocks.size() - 1; l >= 0; l--) {
            TransformerBlockLayer block = blocks.get(l);
            addTapGradient(given, block.tap, block.name);
            block.backward(l == 0 ? in : blocks.get(l - 1).out, dA, dx);
            HostFloats.read(dx, dA, size);
        }
        if (plan.positional() != null) {
            addTapGradient(given, plan.positional().tap(), plan.positional().name());
            Arrays.fill(dPositionsF, 0f);
            for (int i = 0; i < r; i++) {
                int o = i * d;
                int p = (i % t) * d;
                for (int c = 0; c < d; c++) {
                    dPositionsF[p + c] += dA[o + c];
                }
            }
            HostFloats.write(dPositionsF, dPositions, t * d);
        }
        addTapGradient(given, plan.embedding().tap(), plan.embedding().name());
        Arrays.fill(dTableF, 0f);
        for (int i = 0; i < r; i++) {
            int o = ids[i] * d;
            int src = i * d;
            for (int c = 0; c < d; c++) {
                dTableF[o + c] += dA[src + c];
            }
        }
        HostFloats.write(dTableF, dTable, vocab * d);
    }

    /** Adds the trainer's gradient on tap {@code name}, if it is a tap and one was given, to the running gradient. */
    private void addTapGradient(Map<String, INDArray> given, boolean tapped, String name) {
        INDArray g = tapped ? given.get(name) : null;
        if (g != null) {
            HostFloats.addAny(g, scratch, dA, n * t * d);
        }
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
        return Nd4j.create(F, 1, 0);
    }

    @Override
    public void close() {
        // Plain ND4J arrays, released with the model.
    }
}
