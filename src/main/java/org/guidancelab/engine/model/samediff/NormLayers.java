package org.guidancelab.engine.model.samediff;

import org.guidancelab.arch.Layers;
import org.nd4j.autodiff.samediff.SDVariable;

/** BatchNorm (per channel or feature, over the batch) and LayerNorm (per example, over the last axis). */
final class NormLayers {
    private NormLayers() {
    }

    /**
     * BatchNorm on [D] (statistics over the batch), [T, D] (over batch and time) or [C, H, W] (over batch and
     * space). The statistics used are {@code running + training * (batch - running)}: the batch's in training
     * mode, the running ones in eval mode, one graph for both. The model updates the running statistics from
     * the batch-statistic outputs after each training forward pass.
     */
    static Node batchNorm(BuildContext ctx, Layers.BatchNorm bn, Node in, String id, String label) {
        Checks.require(in.rank() >= 1 && in.rank() <= 3, label, "BatchNorm expects [D], [T, D] or [C, H, W], got "
                + in.shape());
        Checks.require(bn.epsilon() > 0, label, "epsilon must be positive, got " + bn.epsilon());
        Checks.require(bn.momentum() >= 0 && bn.momentum() <= 1, label, "momentum must be in [0, 1], got "
                + bn.momentum());
        boolean image = in.rank() == 3;
        int channels = image ? in.dim(0) : in.last();
        int[] dims = image ? new int[] {0, 2, 3} : in.rank() == 2 ? new int[] {0, 1} : new int[] {0};
        long perExample = image ? (long) in.dim(1) * in.dim(2) : in.rank() == 2 ? in.dim(0) : 1;

        SDVariable gamma = ctx.params.add(id + "_gamma", ParamInit.constant(1), channels);
        SDVariable beta = ctx.params.add(id + "_beta", ParamInit.zeros(), channels);
        SDVariable runMean = ctx.sd.placeHolder(id + "_runningMean", ctx.dtype, channels);
        SDVariable runVar = ctx.sd.placeHolder(id + "_runningVar", ctx.dtype, channels);

        SDVariable x = in.var();
        SDVariable batchMean = ctx.sd.mean(id + "_batchMean", x, false, dims);
        SDVariable batchVar = ctx.sd.mean(id + "_batchVar", ctx.sd.math().square(x.sub(broadcast(batchMean, image, channels))),
                false, dims);
        SDVariable mean = runMean.add(ctx.training.mul(batchMean.sub(runMean)));
        SDVariable var = runVar.add(ctx.training.mul(batchVar.sub(runVar)));
        SDVariable scale = ctx.sd.math().rsqrt(var.add(bn.epsilon())).mul(gamma);
        SDVariable y = x.sub(broadcast(mean, image, channels)).mul(broadcast(scale, image, channels))
                .add(broadcast(beta, image, channels));

        ctx.batchNormSites.add(new BatchNormSite(bn.name(), channels, perExample, bn.momentum(), runMean.name(),
                runVar.name(), batchMean.name(), batchVar.name(), ctx.reserveState(channels)));
        return new Node(y, in.shape());
    }

    /** LayerNorm over the last axis of [D] or [T, D] (or any rank): gamma then beta of that width. */
    static Node layerNorm(BuildContext ctx, Layers.LayerNorm ln, Node in, String id, String label) {
        Checks.require(ln.epsilon() > 0, label, "epsilon must be positive, got " + ln.epsilon());
        int d = in.last();
        SDVariable gamma = ctx.params.add(id + "_gamma", ParamInit.constant(1), d);
        SDVariable beta = ctx.params.add(id + "_beta", ParamInit.zeros(), d);
        SDVariable rows = in.rank() == 1 ? in.var() : in.var().reshape(-1, d);
        SDVariable y = ctx.layerNorm(rows, gamma, beta, ln.epsilon());
        return new Node(in.rank() == 1 ? y : y.reshape(BuildContext.batched(in.shape())), in.shape());
    }

    /** A per-channel vector shaped to broadcast against the layer input. */
    private static SDVariable broadcast(SDVariable perChannel, boolean image, int channels) {
        return image ? perChannel.reshape(1, channels, 1, 1) : perChannel;
    }
}
