package org.guidancelab.engine.dnnl;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.guidancelab.engine.dnnl.DnnlConvolution.args;
import static org.guidancelab.engine.dnnl.DnnlConvolution.md;
import static org.guidancelab.engine.dnnl.DnnlConvolution.primitive;
import static org.guidancelab.engine.dnnl.DnnlConvolution.primitiveDesc;
import static org.guidancelab.engine.dnnl.OneDnn.check;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;

/**
 * The backward-data and backward-weights primitives of a {@link DnnlConvolution}, with their operands; the input
 * copy of the forward pass serves backward-weights when both chose one layout, and one reordered diffDst serves both
 * passes when they did.
 */
final class ConvBackward implements AutoCloseable {
    private final OneDnn dnnl;
    private final dnnl_primitive_desc dataPd, weightsPd;
    private final dnnl_primitive data, weights;
    private final Operand forwardSrc, diffDstData, weightsData, diffSrc;
    private final Operand srcWeights, diffDstWeights, diffWeights, diffBias;
    private final dnnl_exec_arg_t dataArgs, weightsArgs;

    ConvBackward(OneDnn dnnl, ConvShape s, dnnl_primitive_desc forwardPd, Operand forwardSrc) {
        this.dnnl = dnnl;
        this.forwardSrc = forwardSrc;
        dnnl_convolution_desc_t dd = new dnnl_convolution_desc_t();
        check(dnnl_convolution_backward_data_desc_init(dd, dnnl_convolution_direct, s.srcAny, s.weightsAny, s.dstAny,
                s.strides, s.padLeft, s.padRight), "describing a backward-data convolution");
        dataPd = primitiveDesc(dnnl, dd, forwardPd);
        dnnl_convolution_desc_t wd = new dnnl_convolution_desc_t();
        check(dnnl_convolution_backward_weights_desc_init(wd, dnnl_convolution_direct, s.srcAny, s.weightsAny,
                s.biasPlain, s.dstAny, s.strides, s.padLeft, s.padRight), "describing a backward-weights convolution");
        weightsPd = primitiveDesc(dnnl, wd, forwardPd);
        data = primitive(dataPd);
        weights = primitive(weightsPd);

        diffDstData = new Operand(dnnl, s.dstPlain, md(dataPd, dnnl_query_diff_dst_md), true, false);
        weightsData = new Operand(dnnl, s.weightsPlain, md(dataPd, dnnl_query_weights_md), true, false);
        diffSrc = new Operand(dnnl, s.srcPlain, md(dataPd, dnnl_query_diff_src_md), false, true);
        dnnl_memory_desc_t srcForWeights = md(weightsPd, dnnl_query_src_md);
        srcWeights = dnnl_memory_desc_equal(srcForWeights, md(forwardPd, dnnl_query_src_md)) != 0
                ? forwardSrc : new Operand(dnnl, s.srcPlain, srcForWeights, true, false);
        dnnl_memory_desc_t diffDstForWeights = md(weightsPd, dnnl_query_diff_dst_md);
        diffDstWeights = dnnl_memory_desc_equal(diffDstForWeights, md(dataPd, dnnl_query_diff_dst_md)) != 0
                ? diffDstData : new Operand(dnnl, s.dstPlain, diffDstForWeights, true, false);
        diffWeights = new Operand(dnnl, s.weightsPlain, md(weightsPd, dnnl_query_diff_weights_md), false, true);
        diffBias = new Operand(dnnl, s.biasPlain, s.biasPlain, false, true);

        dataArgs = args(new int[] {DNNL_ARG_DIFF_DST, DNNL_ARG_WEIGHTS, DNNL_ARG_DIFF_SRC},
                diffDstData, weightsData, diffSrc);
        weightsArgs = args(new int[] {DNNL_ARG_SRC, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_WEIGHTS, DNNL_ARG_DIFF_BIAS},
                srcWeights, diffDstWeights, diffWeights, diffBias);
    }

    void weights(long srcAddress, long diffDstAddress, long diffWeightsAddress, long diffBiasAddress) {
        if (srcWeights != forwardSrc) {
            srcWeights.bind(srcAddress).pull();
        }
        diffDstWeights.bind(diffDstAddress).pull();
        diffWeights.bind(diffWeightsAddress);
        diffBias.bind(diffBiasAddress);
        check(dnnl_primitive_execute(weights, dnnl.stream(), 4, weightsArgs), "running a backward-weights convolution");
        diffWeights.push();
    }

    void data(long diffDstAddress, long weightsAddress, long diffSrcAddress) {
        if (diffDstWeights != diffDstData) {
            diffDstData.bind(diffDstAddress).pull();
        }
        weightsData.bind(weightsAddress).pull();
        diffSrc.bind(diffSrcAddress);
        check(dnnl_primitive_execute(data, dnnl.stream(), 3, dataArgs), "running a backward-data convolution");
        diffSrc.push();
    }

    @Override
    public void close() {
        Set<Operand> own = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Operand o : new Operand[] {diffDstData, weightsData, diffSrc, srcWeights, diffDstWeights, diffWeights,
                diffBias}) {
            if (o != forwardSrc) {
                own.add(o);
            }
        }
        own.forEach(Operand::close);
        dnnl_primitive_destroy(data);
        dnnl_primitive_destroy(weights);
        dnnl_primitive_desc_destroy(dataPd);
        dnnl_primitive_desc_destroy(weightsPd);
    }
}
