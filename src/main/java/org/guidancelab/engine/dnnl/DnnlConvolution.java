package org.guidancelab.engine.dnnl;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.guidancelab.engine.dnnl.OneDnn.check;

import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/**
 * A 2-D convolution of one batch size as oneDNN's forward, backward-data and backward-weights primitives, made once
 * with the layouts oneDNN picks for this CPU (blocked channels, its direct JIT kernels) and reorders from and to the
 * callers' plain buffers: maps NCHW, weights OIHW ([F, C, k, k], the shared flat layout), bias [F]. Each pass is one
 * call with no allocation. Frozen networks make the forward primitive alone. The backward passes use the input of the last {@link #forward}, so they follow it on the
 * same batch.
 */
public final class DnnlConvolution implements AutoCloseable {
    private final OneDnn dnnl;
    private final ConvShape shape;
    private final dnnl_primitive_desc forwardPd;
    private final dnnl_primitive forward;
    private final Operand src, weightsFwd, bias, dst;
    private final dnnl_exec_arg_t forwardArgs;
    /** The backward passes, made at the first of them: a batch size met only in evaluation never needs them. */
    private ConvBackward backward;

    private DnnlConvolution(OneDnn dnnl, ConvShape shape, boolean training) {
        this.dnnl = dnnl;
        this.shape = shape;
        dnnl_convolution_desc_t fd = new dnnl_convolution_desc_t();
        check(dnnl_convolution_forward_desc_init(fd, training ? dnnl_forward_training : dnnl_forward_inference,
                dnnl_convolution_direct, shape.srcAny, shape.weightsAny, shape.biasPlain, shape.dstAny, shape.strides,
                shape.padLeft, shape.padRight), "describing a forward convolution");
        forwardPd = primitiveDesc(dnnl, fd, null);
        forward = primitive(forwardPd);
        src = new Operand(dnnl, shape.srcPlain, md(forwardPd, dnnl_query_src_md), true, false);
        weightsFwd = new Operand(dnnl, shape.weightsPlain, md(forwardPd, dnnl_query_weights_md), true, false);
        bias = new Operand(dnnl, shape.biasPlain, shape.biasPlain, true, false);
        dst = new Operand(dnnl, shape.dstPlain, md(forwardPd, dnnl_query_dst_md), false, true);
        forwardArgs = args(new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                src, weightsFwd, bias, dst);
    }

    /**
     * The convolution of {@code n} examples of C x H x W maps by F filters of k x k, able to run its backward passes
     * when {@code training}, or null when oneDNN is not used in this JVM ({@link OneDnn#convolutions()}).
     *
     * @throws IllegalStateException when oneDNN refuses the geometry
     */
    public static DnnlConvolution create(int n, int c, int h, int w, int filters, int k, int stride, int padding,
                                         int outH, int outW, boolean training) {
        OneDnn dnnl = OneDnn.get();
        if (dnnl == null || !OneDnn.convolutions()) {
            return null;
        }
        return new DnnlConvolution(dnnl, new ConvShape(n, c, h, w, filters, k, stride, padding, outH, outW), training);
    }

    /** dst = conv(src, weights) + bias; arguments are host addresses of plain float buffers. */
    public void forward(long srcAddress, long weightsAddress, long biasAddress, long dstAddress) {
        src.bind(srcAddress).pull();
        weightsFwd.bind(weightsAddress).pull();
        bias.bind(biasAddress);
        dst.bind(dstAddress);
        check(dnnl_primitive_execute(forward, dnnl.stream(), 4, forwardArgs), "running a forward convolution");
        dst.push();
    }

    /** The gradients of the weights and bias from diffDst, for the input of the last forward pass. */
    public void backwardWeights(long srcAddress, long diffDstAddress, long diffWeightsAddress, long diffBiasAddress) {
        backward().weights(srcAddress, diffDstAddress, diffWeightsAddress, diffBiasAddress);
    }

    /**
     * The gradient of the input from diffDst. After {@link #backwardWeights} with the same diffDst, whose reordered copy
     * it reuses when both passes chose one layout.
     */
    public void backwardData(long diffDstAddress, long weightsAddress, long diffSrcAddress) {
        backward().data(diffDstAddress, weightsAddress, diffSrcAddress);
    }

    private ConvBackward backward() {
        if (backward == null) {
            backward = new ConvBackward(dnnl, shape, forwardPd, src);
        }
        return backward;
    }

    static dnnl_primitive_desc primitiveDesc(OneDnn dnnl, dnnl_convolution_desc_t desc, dnnl_primitive_desc hint) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(desc), null, dnnl.engine, hint),
                "choosing a convolution kernel");
        return pd;
    }

    static dnnl_primitive primitive(dnnl_primitive_desc pd) {
        dnnl_primitive p = new dnnl_primitive();
        check(dnnl_primitive_create(p, pd), "creating a convolution");
        return p;
    }

    static dnnl_memory_desc_t md(dnnl_primitive_desc pd, int what) {
        return dnnl_primitive_desc_query_md(pd, what, 0);
    }

    static dnnl_exec_arg_t args(int[] kinds, Operand... operands) {
        dnnl_exec_arg_t a = new dnnl_exec_arg_t(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            dnnl_memory m = operands[i].memory();
            a.position(i).arg(kinds[i]).memory(m);
        }
        return a.position(0);
    }

    @Override
    public void close() {
        if (backward != null) {
            backward.close();
        }
        for (Operand o : new Operand[] {src, weightsFwd, bias, dst}) {
            o.close();
        }
        dnnl_primitive_destroy(forward);
        dnnl_primitive_desc_destroy(forwardPd);
    }
}
