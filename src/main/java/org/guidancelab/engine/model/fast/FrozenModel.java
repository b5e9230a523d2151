package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A frozen network run forward-only in eval mode: the guide of guided training, which gets no gradient and is never
 * trained in the arm that uses it. Conv2D and pooling call the native kernels directly into buffers kept between
 * calls, dense layers reuse the fast path's gemm layers, so a pass allocates nothing and pays no graph-session cost.
 *
 * <p>It does not initialise weights itself: its parameters are copied from the reference model built for the same
 * spec and seed, so an untrained guide is exactly the one the general path would have built. Parameters live in
 * one flat buffer in the shared layout, so a saved guide loads into {@link #params()} as usual.
 * {@link #backward} refuses: use the trainable model for anything that learns.
 */
public final class FrozenModel implements Model {
    private final NetworkSpec spec;
    private final DataType dtype;
    private final FrozenNetworkPlan plan;
    private final INDArray paramsRow;
    private final INDArray gradsRow;
    private final List<String> tapNames = new ArrayList<>();
    private final Map<String, INDArray> taps = new LinkedHashMap<>();

    /** A frozen copy of {@code reference}'s current parameters (same spec, same layout). */
    public FrozenModel(Model reference, DataType dtype) {
        this.spec = reference.spec();
        this.dtype = dtype;
        this.plan = FrozenNetworkPlan.of(spec, dtype);
        if (plan.problem() != null) {
            throw new IllegalArgumentException("network '" + spec.name() + "' cannot use the frozen fast path: " + plan.problem());
        }
        long total = 0;
        for (ForwardStep s : plan.steps()) {
            total += s.paramCount();
        }
        if (reference.params().length() != total) {
            throw new IllegalArgumentException("network '" + spec.name() + "': the reference has "
                    + reference.params().length() + " parameters, the frozen path expects " + total);
        }
        this.paramsRow = reference.params().castTo(dtype).reshape(1, total).dup('c');
        this.gradsRow = Nd4j.create(dtype, 1, total);
        long offset = 0;
        for (int i = 0; i < plan.steps().size(); i++) {
            ForwardStep s = plan.steps().get(i);
            s.bind(paramsRow, offset);
            offset += s.paramCount();
            if (plan.tapped().get(i)) {
                tapNames.add(plan.names().get(i));
            }
        }
    }

    /** Whether {@code spec} fits this path. */
    public static boolean supports(NetworkSpec spec) {
        return FrozenNetworkPlan.of(spec, DataType.FLOAT).problem() == null;
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

    /** Always zero: nothing flows back into a frozen network. */
    @Override
    public INDArray gradients() {
        return gradsRow;
    }

    /** Always the eval-mode pass: {@code training} is ignored, a frozen network has no training mode. */
    @Override
    public Forward forward(INDArray input, boolean training) {
        long n = input.size(0);
        if (input.length() != n * plan.inputWidth()) {
            throw new IllegalArgumentException("network '" + spec.name() + "' expects " + plan.inputWidth()
                    + " input values per example, got shape " + java.util.Arrays.toString(input.shape()));
        }
        INDArray h = (input.dataType() == dtype ? input : input.castTo(dtype)).reshape('c', n, plan.inputWidth());
        taps.clear();
        for (int i = 0; i < plan.steps().size(); i++) {
            h = plan.steps().get(i).forward(h);
            if (plan.tapped().get(i)) {
                taps.put(plan.names().get(i), h);
            }
        }
        return new Forward(h, Collections.unmodifiableMap(taps));
    }

    @Override
    public void backward(INDArray dLogits, Map<String, INDArray> dTaps) {
        throw new UnsupportedOperationException("network '" + spec.name()
                + "' is a frozen (forward-only) model: it takes no gradient");
    }

    @Override
    public INDArray state() {
        return Nd4j.create(dtype, 1, 0);
    }

    @Override
    public void close() {
        // ND4J arrays go with the garbage collector; oneDNN's primitives (convolutions) are freed here.
        for (ForwardStep s : plan.steps()) {
            s.close();
        }
    }
}
