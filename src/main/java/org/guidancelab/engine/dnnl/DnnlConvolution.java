package org.guidancelab.engine.dnnl;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nchw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_oihw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;
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
    private final dnnl_primitive_desc forwardPd, dataPd, weightsPd;
    private final dnnl_primitive forward, data, weights;
    private final Operand src, weightsFwd, bias, dst;
    private final Operand diffDstData, weightsData, diffSrc;
    private final Operand srcWeights, diffDstWeights, diffWeights, diffBias;
    private final dnnl_exec_arg_t forwardArgs, dataArgs, weightsArgs;

    private DnnlConvolution(OneDnn dnnl, long n, long c, long h, long w, long f, long k, long stride, long padding,
                            long outH, long outW, boolean training) {
        this.dnnl = dnnl;
        long[] srcDims = {n, c, h, w}, weightDims = {f, c, k, k}, biasDims = {f}, dstDims = {n, f, outH, outW};
        long[] strides = {stride, stride};
        long[] padLeft = {padding, padding};
        // Right padding as the output size needs (the plain route's floor division leaves the rest unused).
        long[] padRight = {(outH - 1) * stride + k - h - padding, (outW - 1) * stride + k - w - padding};
        dnnl_memory_desc_t srcPlain = desc(srcDims, dnnl_nchw), weightsPlain = desc(weightDims, dnnl_oihw);
        dnnl_memory_desc_t biasPlain = desc(biasDims, dnnl_x), dstPlain = desc(dstDims, dnnl_nchw);
        dnnl_memory_desc_t srcAny = desc(srcDims, dnnl_format_tag_any), weightsAny = desc(weightDims, dnnl_format_tag_any);
        dnnl_memory_desc_t dstAny = desc(dstDims, dnnl_format_tag_any);

        dnnl_convolution_desc_t fd = new dnnl_convolution_desc_t();
        check(dnnl_convolution_forward_desc_init(fd, training ? dnnl_forward_training : dnnl_forward_inference,
                dnnl_convolution_direct, srcAny, weightsAny, biasPlain, dstAny, strides, padLeft, padRight),
                "describing a forward convolution");
        forwardPd = primitiveDesc(fd, null);
        forward = primitive(forwardPd);
        src = new Operand(dnnl, srcPlain, md(forwardPd, dnnl_query_src_md), true, false);
        weightsFwd = new Operand(dnnl, weightsPlain, md(forwardPd, dnnl_query_weights_md), true, false);
        bias = new Operand(dnnl, biasPlain, biasPlain, true, false);
        dst = new Operand(dnnl, dstPlain, md(forwardPd, dnnl_query_dst_md), false, true);
        forwardArgs = args(new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                src, weightsFwd, bias, dst);
        if (!training) {
            dataPd = weightsPd = null;
            data = weights = null;
            diffDstData = weightsData = diffSrc = srcWeights = diffDstWeights = diffWeights = diffBias = null;
            dataArgs = weightsArgs = null;
            return;
        }
        dnnl_convolution_desc_t dd = new dnnl_convolution_desc_t();
        check(dnnl_convolution_backward_data_desc_init(dd, dnnl_convolution_direct, srcAny, weightsAny, dstAny, strides,
                padLeft, padRight), "describing a backward-data convolution");
        dataPd = primitiveDesc(dd, forwardPd);
        dnnl_convolution_desc_t wd = new dnnl_convolution_desc_t();
        check(dnnl_convolution_backward_weights_desc_init(wd, dnnl_convolution_direct, srcAny, weightsAny, biasPlain,
                dstAny, strides, padLeft, padRight), "describing a backward-weights convolution");
        weightsPd = primitiveDesc(wd, forwardPd);
        data = primitive(dataPd);
        weights = primitive(weightsPd);

        diffDstData = new Operand(dnnl, dstPlain, md(dataPd, dnnl_query_diff_dst_md), true, false);
        weightsData = new Operand(dnnl, weightsPlain, md(dataPd, dnnl_query_weights_md), true, false);
        diffSrc = new Operand(dnnl, srcPlain, md(dataPd, dnnl_query_diff_src_md), false, true);
        dnnl_memory_desc_t srcForWeights = md(weightsPd, dnnl_query_src_md);
        // The forward pass's copy of the input serves backward-weights when they chose the same layout.
        srcWeights = dnnl_memory_desc_equal(srcForWeights, md(forwardPd, dnnl_query_src_md)) != 0
                ? src : new Operand(dnnl, srcPlain, srcForWeights, true, false);
        dnnl_memory_desc_t diffDstForWeights = md(weightsPd, dnnl_query_diff_dst_md);
        diffDstWeights = dnnl_memory_desc_equal(diffDstForWeights, md(dataPd, dnnl_query_diff_dst_md)) != 0
                ? diffDstData : new Operand(dnnl, dstPlain, diffDstForWeights, true, false);
        diffWeights = new Operand(dnnl, weightsPlain, md(weightsPd, dnnl_query_diff_weights_md), false, true);
        diffBias = new Operand(dnnl, biasPlain, biasPlain, false, true);

        dataArgs = args(new int[] {DNNL_ARG_DIFF_DST, DNNL_ARG_WEIGHTS, DNNL_ARG_DIFF_SRC},
                diffDstData, weightsData, diffSrc);
        weightsArgs = args(new int[] {DNNL_ARG_SRC, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_WEIGHTS, DNNL_ARG_DIFF_BIAS},
                srcWeights, diffDstWeights, diffWeights, diffBias);
    }

    /**
     * The convolution of {@code n} examples of C x H x W maps by F filters of k x k, with its backward passes when
     * {@code training}, or null when oneDNN is not used in this JVM ({@link OneDnn#convolutions()}).
     *
     * @throws IllegalStateException when oneDNN refuses the geometry
     */
    public static DnnlConvolution create(int n, int c, int h, int w, int filters, int k, int stride, int padding,
                                         int outH, int outW, boolean training) {
        OneDnn dnnl = OneDnn.get();
        if (dnnl == null || !OneDnn.convolutions()) {
            return null;
        }
        return new DnnlConvolution(dnnl, n, c, h, w, filters, k, stride, padding, outH, outW, training);
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
        if (srcWeights != src) {
            srcWeights.bind(srcAddress).pull();
        }
        diffDstWeights.bind(diffDstAddress).pull();
        diffWeights.bind(diffWeightsAddress);
        diffBias.bind(diffBiasAddress);
        check(dnnl_primitive_execute(weights, dnnl.stream(), 4, weightsArgs), "running a backward-weights convolution");
        diffWeights.push();
    }

    /**
     * The gradient of the input from diffDst. After {@link #backwardWeights} with the same diffDst, whose reordered copy
     * it reuses when both passes chose one layout.
     */
    public void backwardData(long diffDstAddress, long weightsAddress, long diffSrcAddress) {
        if (diffDstWeights != diffDstData) {
            diffDstData.bind(diffDstAddress).pull();
        }
        weightsData.bind(weightsAddress).pull();
        diffSrc.bind(diffSrcAddress);
        check(dnnl_primitive_execute(data, dnnl.stream(), 3, dataArgs), "running a backward-data convolution");
        diffSrc.push();
    }

    private static dnnl_memory_desc_t desc(long[] dims, int tag) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        check(dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl_f32, tag), "describing a tensor");
        return md;
    }

    private dnnl_primitive_desc primitiveDesc(dnnl_convolution_desc_t desc, dnnl_primitive_desc hint) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(desc), null, dnnl.engine, hint),
                "choosing a convolution kernel");
        return pd;
    }

    private static dnnl_primitive primitive(dnnl_primitive_desc pd) {
        dnnl_primitive p = new dnnl_primitive();
        check(dnnl_primitive_create(p, pd), "creating a convolution");
        return p;
    }

    private static dnnl_memory_desc_t md(dnnl_primitive_desc pd, int what) {
        return dnnl_primitive_desc_query_md(pd, what, 0);
    }

    private static dnnl_exec_arg_t args(int[] kinds, Operand... operands) {
        dnnl_exec_arg_t a = new dnnl_exec_arg_t(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            dnnl_memory m = operands[i].memory();
            a.position(i).arg(kinds[i]).memory(m);
        }
        return a.position(0);
    }

    @Override
    public void close() {
        java.util.Set<Operand> operands = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Operand o : new Operand[] {src, weightsFwd, bias, dst, diffDstData, weightsData, diffSrc, srcWeights,
                diffDstWeights, diffWeights, diffBias}) {
            if (o != null) {
                operands.add(o);
            }
        }
        operands.forEach(Operand::close);
        dnnl_primitive_destroy(forward);
        dnnl_primitive_desc_destroy(forwardPd);
        if (data != null) {
            dnnl_primitive_destroy(data);
            dnnl_primitive_destroy(weights);
            dnnl_primitive_desc_destroy(dataPd);
            dnnl_primitive_desc_destroy(weightsPd);
        }
    }
}
