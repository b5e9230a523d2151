package org.guidancelab.engine.model.samediff;

import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/** Convolution and pooling on NCHW images [C, H, W]. */
final class ConvLayers {
    private ConvLayers() {
    }

    static Node conv2d(BuildContext ctx, Layers.Conv2D c, Node in, String id, String label, boolean reluFollows) {
        requireImage(in, label);
        Checks.positive(c.filters(), label, "filters");
        Checks.positive(c.kernel(), label, "kernel");
        Checks.positive(c.stride(), label, "stride");
        Checks.require(c.padding() >= 0, label, "padding must not be negative, got " + c.padding());
        int inC = in.dim(0);
        int outH = outSize(in.dim(1), c.kernel(), c.stride(), c.padding(), label, "height");
        int outW = outSize(in.dim(2), c.kernel(), c.stride(), c.padding(), label, "width");
        long fanIn = (long) inC * c.kernel() * c.kernel();
        long fanOut = (long) c.filters() * c.kernel() * c.kernel();
        boolean he = reluFollows || c.activation() == ActivationFn.RELU;
        SDVariable w = ctx.params.add(id + "_W", ParamInit.forWeights(fanIn, fanOut, he),
                c.filters(), inC, c.kernel(), c.kernel());
        SDVariable b = ctx.params.add(id + "_b", ParamInit.zeros(), c.filters());
        SDVariable y = convolve(ctx, in.var(), w, b, c.kernel(), c.stride(), c.padding());
        return new Node(ctx.activation(y, c.activation()), List.of(c.filters(), outH, outW));
    }

    /** The projection skip of a Residual on images: a 1x1 convolution (with bias) at the block's stride. */
    static Node projection(BuildContext ctx, Node in, List<Integer> target, String id, String label) {
        int stride = strideMapping(in.dim(1), target.get(1));
        Checks.require(stride > 0 && strideMapping(in.dim(2), target.get(2)) == stride, label,
                "no 1x1 projection stride maps the input " + in.shape() + " to the block's output " + target);
        int outC = target.get(0);
        SDVariable w = ctx.params.add(id + "_W", ParamInit.xavier(in.dim(0), outC), outC, in.dim(0), 1, 1);
        SDVariable b = ctx.params.add(id + "_b", ParamInit.zeros(), outC);
        return new Node(convolve(ctx, in.var(), w, b, 1, stride, 0), target);
    }

    static Node maxPool(BuildContext ctx, Layers.MaxPool2D p, Node in, String label) {
        return pool(ctx, in, p.size(), p.stride(), Pooling2D.Pooling2DType.MAX, label);
    }

    static Node avgPool(BuildContext ctx, Layers.AvgPool2D p, Node in, String label) {
        return pool(ctx, in, p.size(), p.stride(), Pooling2D.Pooling2DType.AVG, label);
    }

    static Node globalAvgPool(BuildContext ctx, Node in, String label) {
        requireImage(in, label);
        return new Node(ctx.sd.mean(in.var(), false, 2, 3), List.of(in.dim(0)));
    }

    private static Node pool(BuildContext ctx, Node in, int size, int stride, Pooling2D.Pooling2DType type,
                             String label) {
        requireImage(in, label);
        Checks.positive(size, label, "size");
        Checks.positive(stride, label, "stride");
        int outH = outSize(in.dim(1), size, stride, 0, label, "height");
        int outW = outSize(in.dim(2), size, stride, 0, label, "width");
        Pooling2DConfig cfg = Pooling2DConfig.builder().kH(size).kW(size).sH(stride).sW(stride).pH(0).pW(0)
                .dH(1).dW(1).type(type).paddingMode(PaddingMode.VALID).divisor(Pooling2D.Divisor.EXCLUDE_PADDING)
                .isNHWC(false).build();
        SDVariable y = type == Pooling2D.Pooling2DType.MAX
                ? ctx.sd.cnn().maxPooling2d(in.var(), cfg) : ctx.sd.cnn().avgPooling2d(in.var(), cfg);
        return new Node(y, List.of(in.dim(0), outH, outW));
    }

    private static SDVariable convolve(BuildContext ctx, SDVariable x, SDVariable wOiyx, SDVariable b, int k,
                                       int stride, int padding) {
        // The flat layout stores W as [out, in, k, k]; ND4J's best-trodden conv path takes [k, k, in, out].
        SDVariable wYxio = wOiyx.permute(2, 3, 1, 0);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(padding).pW(padding)
                .dH(1).dW(1).paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO)
                .build();
        return ctx.sd.cnn().conv2d(x, wYxio, b, cfg);
    }

    private static void requireImage(Node in, String label) {
        Checks.require(in.rank() == 3, label, "expects an image [C, H, W], got " + in.shape()
                + " (add a Reshape such as [1, 28, 28])");
    }

    private static int outSize(int size, int k, int stride, int padding, String label, String axis) {
        int padded = size + 2 * padding;
        Checks.require(padded >= k, label, "window " + k + " does not fit the input " + axis + " " + size
                + (padding > 0 ? " padded by " + padding : ""));
        return (padded - k) / stride + 1;
    }

    /** The stride s with (in - 1) / s + 1 == out, or -1. */
    private static int strideMapping(int in, int out) {
        for (int s = 1; s <= in; s++) {
            if ((in - 1) / s + 1 == out) {
                return s;
            }
        }
        return -1;
    }
}
