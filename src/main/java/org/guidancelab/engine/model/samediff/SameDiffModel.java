package org.guidancelab.engine.model.samediff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.StochasticModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reference implementation of the {@link Model} seam on ND4J SameDiff, for every layer type. FLOAT for
 * training, DOUBLE for gradient checks.
 *
 * <p>The graph is built once. The flat parameter vector {@link #params()} is the source of truth and is copied
 * into SameDiff's variables at the start of every forward pass, so optimizers may update it in place.
 * {@link #backward} replays the last forward pass (same input, dropout masks, BatchNorm statistics and
 * parameters) through a surrogate loss {@code sum(logits * dLogits) + sum_k sum(tap_k * dTap_k)}, whose
 * parameter gradients are exactly J^T times the upstream gradients.
 *
 * <p>Logits come from the last layer: an Output head gives [n, classes] or, per token, [n*T, classes]; a network
 * without one (a bare guide, say) gives its last layer's output flattened per example. Training passes update
 * the BatchNorm running statistics in {@link #state()} and draw dropout masks from a generator whose position is
 * {@link #randomState()}. Measured against a hand-built SameDiff MLP, forward and backward cost the same as raw
 * {@code output} and {@code calculateGradients} calls: the wrapper adds nothing noticeable. Not thread-safe: one
 * model per training thread.
 */
public final class SameDiffModel implements Model, StochasticModel {
    private final NetworkSpec spec;
    private final DataType dtype;
    private final BuiltGraph graph;
    private final INDArray params;
    private final INDArray gradients;
    private final ParamBinding binding;
    private final BatchNormState batchNorm;
    private final DropoutMasks masks;
    private Map<String, INDArray> lastFeed;
    private Forward lastForward;

    public SameDiffModel(NetworkSpec spec, long seed, DataType dtype) {
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("SameDiffModel supports FLOAT and DOUBLE, not " + dtype);
        }
        this.spec = spec;
        this.dtype = dtype;
        this.graph = GraphBuilder.build(spec, dtype);
        long p = graph.params().total();
        if (p == 0) {
            throw new IllegalArgumentException("network '" + spec.name() + "' has no trainable parameters");
        }
        this.params = Nd4j.create(graph.params().initialValues(seed), new long[] {1, p}, dtype);
        this.gradients = Nd4j.zeros(dtype, 1, p);
        this.binding = new ParamBinding(graph.sd(), graph.params(), params, gradients);
        this.batchNorm = new BatchNormState(graph.batchNormSites(), graph.stateSize(), dtype);
        this.masks = new DropoutMasks(seed);
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public List<String> tapNames() {
        return List.copyOf(graph.tapOutputs().keySet());
    }

    @Override
    public INDArray params() {
        return params;
    }

    @Override
    public INDArray gradients() {
        return gradients;
    }

    @Override
    public INDArray state() {
        return batchNorm.state();
    }

    /**
     * The position of the dropout generator: the number of training passes drawn so far. Checkpoints store it so
     * that a resumed run draws the masks an uninterrupted one would have.
     */
    @Override
    public long randomState() {
        return masks.trainingPasses();
    }

    /** Restores {@link #randomState()} from a checkpoint. */
    @Override
    public void setRandomState(long state) {
        masks.setTrainingPasses(state);
    }

    /** The data type of parameters, activations and gradients. */
    public DataType dataType() {
        return dtype;
    }

    @Override
    public Forward forward(INDArray input, boolean training) {
        InputCheck.check(input, graph);
        INDArray x = input.dataType() == dtype ? input : input.castTo(dtype);
        long n = x.size(0);
        Map<String, INDArray> feed = new HashMap<>();
        feed.put(BuiltGraph.INPUT, x);
        feed.put(BuildContext.TRAINING, Nd4j.scalar(dtype, training ? 1.0 : 0.0));
        masks.beginPass(training);
        for (DropoutSite site : graph.dropoutSites()) {
            feed.put(site.placeholder(), masks.mask(site, n, dtype));
        }
        batchNorm.feed(feed);

        List<String> outputs = new ArrayList<>();
        outputs.add(BuiltGraph.LOGITS);
        outputs.addAll(graph.tapOutputs().values());
        if (training) {
            batchNorm.requestBatchStatistics(outputs);
        }
        binding.pushParams();
        Map<String, INDArray> out = graph.sd().output(feed, outputs);
        if (training) {
            batchNorm.update(out, n);
        }
        Map<String, INDArray> taps = new LinkedHashMap<>();
        graph.tapOutputs().forEach((layer, var) -> taps.put(layer, out.get(var)));
        lastFeed = feed;
        lastForward = new Forward(out.get(BuiltGraph.LOGITS), taps);
        return lastForward;
    }

    @Override
    public void backward(INDArray dLogits, Map<String, INDArray> dTaps) {
        if (lastForward == null) {
            throw new IllegalStateException("backward() called before forward()");
        }
        Map<String, INDArray> feed = new HashMap<>(lastFeed);
        feed.put(BuiltGraph.LOGITS_GRADIENT, upstream(dLogits, lastForward.logits(), "dLogits"));
        Map<String, INDArray> given = dTaps == null ? Map.of() : dTaps;
        for (String name : given.keySet()) {
            if (!graph.tapGradients().containsKey(name)) {
                throw new IllegalArgumentException("dTaps names '" + name + "', which is not a tap of network '"
                        + spec.name() + "' (taps: " + tapNames() + ")");
            }
        }
        graph.tapGradients().forEach((layer, placeholder) ->
                feed.put(placeholder, upstream(given.get(layer), lastForward.taps().get(layer), "dTaps['" + layer + "']")));
        Map<String, INDArray> grads = graph.sd().calculateGradients(feed, binding.variableNames());
        binding.pullGradients(grads);
    }

    /** The upstream gradient in the model's data type, zeros when absent; its shape must match the value's. */
    private INDArray upstream(INDArray grad, INDArray value, String what) {
        if (grad == null) {
            return Nd4j.zeros(dtype, value.shape());
        }
        if (!Arrays.equals(grad.shape(), value.shape())) {
            throw new IllegalArgumentException(what + " has shape " + Arrays.toString(grad.shape())
                    + " but the value it is the gradient of has shape " + Arrays.toString(value.shape()));
        }
        return grad.dataType() == dtype ? grad : grad.castTo(dtype);
    }

    @Override
    public void close() {
        lastFeed = null;
        lastForward = null;
        graph.sd().clearPlaceholders(true);
        graph.sd().clearOpInputs();
    }

    /** Guards the input against the spec before SameDiff sees it, so mistakes get a message naming the input. */
    private static final class InputCheck {
        static void check(INDArray input, BuiltGraph graph) {
            List<Integer> expected = graph.inputShape();
            long[] shape = input.shape();
            boolean ok = shape.length == expected.size() + 1 && shape[0] > 0;
            for (int i = 0; ok && i < expected.size(); i++) {
                ok = shape[i + 1] == expected.get(i);
            }
            if (!ok) {
                throw new IllegalArgumentException(graph.inputLabel() + ": expected input [n, " + join(expected)
                        + "], got " + Arrays.toString(shape));
            }
            if (graph.tokenIdLimit() > 0) {
                INDArray rounded = Transforms.round(input, true);
                double min = input.minNumber().doubleValue();
                double max = input.maxNumber().doubleValue();
                if (!rounded.equals(input) || min < 0 || max >= graph.tokenIdLimit()) {
                    throw new IllegalArgumentException(graph.inputLabel() + ": token ids must be integers in [0, "
                            + graph.tokenIdLimit() + "), got values in [" + min + ", " + max + "]");
                }
            }
        }

        private static String join(List<Integer> dims) {
            return String.join(", ", dims.stream().map(String::valueOf).toList());
        }
    }
}
