package org.guidancelab.engine.model.samediff;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Shared state of one graph construction: the SameDiff instance, the parameter layout, the training-mode flag
 * and the dropout and BatchNorm sites the model must feed. Also the few building blocks several layer
 * families use (affine map on the last axis, activations, layer norm, dropout).
 */
final class BuildContext {
    /** Scalar placeholder: 1 in training mode, 0 in eval mode (selects BatchNorm statistics). */
    static final String TRAINING = "training";

    final SameDiff sd;
    final DataType dtype;
    final ParamLayout params;
    final SDVariable training;
    final List<DropoutSite> dropoutSites = new ArrayList<>();
    final List<BatchNormSite> batchNormSites = new ArrayList<>();
    private long stateSize;

    BuildContext(SameDiff sd, DataType dtype) {
        this.sd = sd;
        this.dtype = dtype;
        this.params = new ParamLayout(sd, dtype);
        this.training = sd.placeHolder(TRAINING, dtype);
    }

    /** Reserves running mean and variance for {@code channels} channels in the state vector; returns the offset. */
    long reserveState(int channels) {
        long offset = stateSize;
        stateSize += 2L * channels;
        return offset;
    }

    long stateSize() {
        return stateSize;
    }

    /** y = x W + b on the last axis of x (any rank): x is flattened to [rows, in] and reshaped back. */
    SDVariable affine(Node x, SDVariable w, SDVariable b, int out) {
        SDVariable rows = x.rank() == 1 ? x.var() : x.var().reshape(-1, x.last());
        SDVariable y = rows.mmul(w);
        if (b != null) {
            y = y.add(b);
        }
        return x.rank() == 1 ? y : y.reshape(withLast(x.shape(), out));
    }

    /** The dynamic-batch shape {@code [-1, ...shape]} with the last axis replaced by {@code last}. */
    static long[] withLast(List<Integer> shape, int last) {
        long[] s = new long[shape.size() + 1];
        s[0] = -1;
        for (int i = 0; i < shape.size(); i++) {
            s[i + 1] = shape.get(i);
        }
        s[s.length - 1] = last;
        return s;
    }

    /** The dynamic-batch shape {@code [-1, ...shape]}. */
    static long[] batched(List<Integer> shape) {
        long[] s = new long[shape.size() + 1];
        s[0] = -1;
        for (int i = 0; i < shape.size(); i++) {
            s[i + 1] = shape.get(i);
        }
        return s;
    }

    SDVariable activation(SDVariable x, ActivationFn fn) {
        switch (fn) {
            case IDENTITY:
                return x;
            case RELU:
                return sd.nn().relu(x, 0.0);
            case TANH:
                return sd.math().tanh(x);
            case SIGMOID:
                return sd.nn().sigmoid(x);
            case GELU:
                // Exact GELU, x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)): PyTorch's default and the fast path's
                // choice, so both implementations agree. Built from primitives because ND4J's gelu op is the
                // sigmoid approximation.
                return x.mul(0.5).mul(sd.math().erf(x.mul(1.0 / Math.sqrt(2.0))).add(1.0));
            default:
                throw new IllegalStateException("unknown activation " + fn);
        }
    }

    /** Layer normalisation over the last axis of a rank-2 [rows, d] value. */
    SDVariable layerNorm(SDVariable rows, SDVariable gamma, SDVariable beta, double eps) {
        SDVariable mean = sd.mean(rows, true, 1);
        SDVariable centred = rows.sub(mean);
        SDVariable var = sd.mean(sd.math().square(centred), true, 1);
        SDVariable xhat = centred.mul(sd.math().rsqrt(var.add(eps)));
        return xhat.mul(gamma).add(beta);
    }

    /**
     * Dropout with a mask placeholder; {@code exampleShape} is the per-example shape of {@code x} as the mask
     * is fed, {@code viewShape} the dynamic shape x has in the graph (the mask is reshaped to it).
     */
    SDVariable dropout(SDVariable x, String siteName, double rate, List<Integer> exampleShape, long[] viewShape) {
        if (rate <= 0) {
            return x;
        }
        String name = "dropmask_" + siteName;
        SDVariable mask = sd.placeHolder(name, dtype, batched(exampleShape));
        dropoutSites.add(new DropoutSite(name, rate, exampleShape));
        return x.mul(viewShape == null ? mask : mask.reshape(viewShape));
    }
}
