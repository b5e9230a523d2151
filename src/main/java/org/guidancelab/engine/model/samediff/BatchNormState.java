package org.guidancelab.engine.model.samediff;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The running statistics of every BatchNorm layer, in one flat vector [1, S] (per layer in network order: the
 * running mean, then the running variance). Running means start at 0 and variances at 1, as in PyTorch.
 */
final class BatchNormState {
    private final List<BatchNormSite> sites;
    private final INDArray state;

    BatchNormState(List<BatchNormSite> sites, long size, DataType dtype) {
        this.sites = sites;
        this.state = Nd4j.zeros(dtype, 1, size);
        for (BatchNormSite s : sites) {
            runningVar(s).assign(1.0);
        }
    }

    INDArray state() {
        return state;
    }

    /** Feeds copies (so a later update cannot change what backward() replays) of the running statistics. */
    void feed(Map<String, INDArray> feed) {
        for (BatchNormSite s : sites) {
            feed.put(s.runningMeanPlaceholder(), runningMean(s).dup());
            feed.put(s.runningVarPlaceholder(), runningVar(s).dup());
        }
    }

    /** Output names of the batch statistics a training forward pass must return. */
    void requestBatchStatistics(List<String> outputs) {
        for (BatchNormSite s : sites) {
            outputs.add(s.batchMeanOutput());
            outputs.add(s.batchVarOutput());
        }
    }

    /**
     * running = (1 - momentum) running + momentum batch, with the unbiased batch variance for the running
     * variance (PyTorch's convention) and the biased one for normalising.
     */
    void update(Map<String, INDArray> outputs, long n) {
        for (BatchNormSite s : sites) {
            long count = n * s.valuesPerChannelPerExample();
            double unbias = count > 1 ? count / (double) (count - 1) : 1.0;
            double m = s.momentum();
            INDArray mean = runningMean(s);
            mean.muli(1 - m).addi(outputs.get(s.batchMeanOutput()).reshape(s.channels()).mul(m));
            INDArray var = runningVar(s);
            var.muli(1 - m).addi(outputs.get(s.batchVarOutput()).reshape(s.channels()).mul(m * unbias));
        }
    }

    private INDArray runningMean(BatchNormSite s) {
        return state.get(NDArrayIndex.point(0), NDArrayIndex.interval(s.stateOffset(), s.stateOffset() + s.channels()));
    }

    private INDArray runningVar(BatchNormSite s) {
        long from = s.stateOffset() + s.channels();
        return state.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, from + s.channels()));
    }
}
