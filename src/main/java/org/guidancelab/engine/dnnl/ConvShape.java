package org.guidancelab.engine.dnnl;

import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_nchw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_oihw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;
import static org.guidancelab.engine.dnnl.OneDnn.check;

import org.bytedeco.dnnl.dnnl_memory_desc_t;

/**
 * The tensors of one convolution as oneDNN describes them: the callers' plain layouts (maps NCHW, weights OIHW, bias
 * a vector) and the "any" layouts that let oneDNN pick its own, with strides and paddings.
 */
final class ConvShape {
    final long[] strides, padLeft, padRight;
    final dnnl_memory_desc_t srcPlain, weightsPlain, biasPlain, dstPlain;
    final dnnl_memory_desc_t srcAny, weightsAny, dstAny;

    ConvShape(long n, long c, long h, long w, long f, long k, long stride, long padding, long outH, long outW) {
        long[] srcDims = {n, c, h, w}, weightDims = {f, c, k, k}, dstDims = {n, f, outH, outW};
        strides = new long[] {stride, stride};
        padLeft = new long[] {padding, padding};
        // Right padding as the output size needs (the plain route's floor division leaves the rest unused).
        padRight = new long[] {(outH - 1) * stride + k - h - padding, (outW - 1) * stride + k - w - padding};
        srcPlain = desc(srcDims, dnnl_nchw);
        weightsPlain = desc(weightDims, dnnl_oihw);
        biasPlain = desc(new long[] {f}, dnnl_x);
        dstPlain = desc(dstDims, dnnl_nchw);
        srcAny = desc(srcDims, dnnl_format_tag_any);
        weightsAny = desc(weightDims, dnnl_format_tag_any);
        dstAny = desc(dstDims, dnnl_format_tag_any);
    }

    private static dnnl_memory_desc_t desc(long[] dims, int tag) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        check(dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl_f32, tag), "describing a tensor");
        return md;
    }
}
