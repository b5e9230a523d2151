package org.guidancelab.engine.imported;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An imported guide behind the trainer's {@link Model} seam: forward only, always in inference mode (a guide from
 * a file is frozen as it came), its taps the file's layers named in the experiment, flattened in the lab's layout.
 * {@link #params()} is the network's own flat parameter view, so checkpoints save and restore it like any guide's;
 * nothing in training writes to it (there is no backward), which the guided-run test checks bit for bit.
 */
public final class ImportedModel implements Model {
    private final NetworkSpec spec;
    private final ImportedNetwork net;
    private final List<String> taps;
    private final List<String> wanted;
    private INDArray gradients;

    public ImportedModel(NetworkSpec spec, ImportedNetwork net) throws GuideImportException {
        this.spec = spec;
        this.net = net;
        this.taps = spec.tapNames();
        for (String t : taps) {
            if (net.layer(t) == null) {
                throw new GuideImportException(net.file(), "has no layer '" + t + "' to tap; its layers are "
                        + net.layers().stream().map(GuideLayer::name).toList());
            }
        }
        this.wanted = new ArrayList<>(taps);
        if (!wanted.contains(net.outputName())) {
            wanted.add(net.outputName());
        }
    }

    /** Opens the guide's file for data of {@code inputShape} (lab layout) and checks the taps and the input fit it. */
    public static ImportedModel open(NetworkSpec spec, List<Integer> inputShape) throws GuideImportException {
        ImportedNetwork net = GuideFiles.open(spec.imported().path(), inputShape);
        if (inputShape != null && !net.inputShape().equals(inputShape)) {
            throw new GuideImportException(net.file(), "takes inputs of shape " + net.inputShape() + " (channels, height,"
                    + " width) but the dataset's examples are " + inputShape);
        }
        return new ImportedModel(spec, net);
    }

    public ImportedNetwork network() {
        return net;
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public List<String> tapNames() {
        return taps;
    }

    @Override
    public INDArray params() {
        return net.paramsView();
    }

    /** Zeros: nothing is ever back-propagated into an imported guide. */
    @Override
    public INDArray gradients() {
        if (gradients == null) {
            gradients = Nd4j.zeros(params().dataType(), 1, params().length());
        }
        return gradients;
    }

    /** Always inference mode: {@code training} is ignored (BatchNorm uses its running statistics, no dropout). */
    @Override
    public Forward forward(INDArray input, boolean training) {
        Map<String, INDArray> acts = net.activations(input, wanted);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String t : taps) {
            out.put(t, acts.get(t));
        }
        return new Forward(acts.get(net.outputName()), out);
    }

    @Override
    public void backward(INDArray dLogits, Map<String, INDArray> dTaps) {
        throw new UnsupportedOperationException(net.file() + ": an imported guide is frozen; it is never trained");
    }

    /** Empty: BatchNorm's running statistics are in {@link #params()} in DeepLearning4J. */
    @Override
    public INDArray state() {
        return Nd4j.create(DataType.FLOAT, 1, 0);
    }

    @Override
    public void close() {
        // the network's arrays are freed with it; nothing native is held open
    }
}
