package org.guidancelab.engine.model.samediff;

import java.util.List;
import org.guidancelab.arch.Layers;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/** Token embedding, learned positions, and pooling a sequence to a vector. */
final class SequenceLayers {
    private SequenceLayers() {
    }

    /**
     * Token ids [T] (floats holding integers) to vectors [T, dim]. The lookup is a one-hot product so that
     * the gradient is a plain matrix product (no scatter); the model checks ids are in range before running.
     */
    static Node embedding(BuildContext ctx, Layers.Embedding e, Node in, String id, String label) {
        Checks.require(in.rank() == 1, label, "Embedding expects token ids [T], got " + in.shape());
        Checks.positive(e.vocabSize(), label, "vocabSize");
        Checks.positive(e.dim(), label, "dim");
        int t = in.dim(0);
        SDVariable table = ctx.params.add(id + "_W", ParamInit.normal(1.0), e.vocabSize(), e.dim());
        SDVariable ids = in.var().castTo(DataType.INT).reshape(-1);
        SDVariable oneHot = ctx.sd.oneHot(ids, e.vocabSize(), -1, 1.0, 0.0, ctx.dtype);
        SDVariable y = oneHot.mmul(table).reshape(-1, t, e.dim());
        return new Node(y, List.of(t, e.dim()));
    }

    /** Adds row p of a learned [maxLength, D] table to position p of a [T, D] sequence. */
    static Node positional(BuildContext ctx, Layers.PositionalEmbedding p, Node in, String id, String label) {
        Checks.require(in.rank() == 2, label, "PositionalEmbedding expects a sequence [T, D], got " + in.shape());
        Checks.positive(p.maxLength(), label, "maxLength");
        int t = in.dim(0);
        Checks.require(t <= p.maxLength(), label, "sequence length " + t + " exceeds maxLength " + p.maxLength());
        SDVariable table = ctx.params.add(id + "_P", ParamInit.normal(0.02), p.maxLength(), in.last());
        SDVariable used = table.get(SDIndex.interval(0, t), SDIndex.all());
        return new Node(in.var().add(used), in.shape());
    }

    /** [T, D] -> [D]: the last step or the mean over steps. */
    static Node pool(BuildContext ctx, Layers.SequencePool p, Node in, String label) {
        Checks.require(in.rank() == 2, label, "SequencePool expects a sequence [T, D], got " + in.shape());
        SDVariable y = p.mode() == Layers.PoolMode.MEAN
                ? ctx.sd.mean(in.var(), false, 1)
                : in.var().get(SDIndex.all(), SDIndex.point(in.dim(0) - 1), SDIndex.all());
        return new Node(y, List.of(in.last()));
    }
}
