package org.guidancelab.engine.imported;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Keras h5 or DL4J zip guide, held as a DeepLearning4J {@link ComputationGraph} (a Sequential model or a
 * MultiLayerNetwork is converted to one, so there is one code path), with its layers listed in the lab's terms.
 *
 * <p>Layouts: the lab's images are (channels, height, width); a Keras channels_last network takes and gives
 * (height, width, channels). {@link #activations} converts the input on the way in and every image-shaped output on
 * the way out, by the format DeepLearning4J's shape inference gives each layer, so a tap flattened here is the same
 * vector PyTorch's NCHW tensor flattens to.
 */
public final class Dl4jNetwork implements ImportedNetwork {
    private final Path file;
    private final String format;
    private final ComputationGraph graph;
    private final InputType inputType;
    private final Map<String, InputType> types;
    private final List<GuideLayer> layers;
    /** The graph's vertex of each layer name shown (a converted Sequential's vertices are "0", "1", ...). */
    private final Map<String, String> vertexOf = new LinkedHashMap<>();

    /**
     * @param names the layer name to show for a vertex, where it differs (a MultiLayerNetwork's own layer names);
     *              empty when the vertices carry the names
     */
    Dl4jNetwork(Path file, String format, ComputationGraph graph, InputType inputType, Map<String, String> names) {
        this.file = file;
        this.format = format;
        this.graph = graph;
        // Workspaces off: DL4J's per-layer output of several layers at once fails inside its activation workspace
        // (measured: "Expected no workspace active at the end of outputOfLayerDetached"), and a guide runs rarely
        // (the tap cache is filled once) so their speed does not matter.
        graph.getConfiguration().setInferenceWorkspaceMode(WorkspaceMode.NONE);
        graph.getConfiguration().setTrainingWorkspaceMode(WorkspaceMode.NONE);
        this.inputType = inputType;
        this.types = graph.getConfiguration().getLayerActivationTypes(inputType);
        List<String> inputs = graph.getConfiguration().getNetworkInputs();
        for (String v : graph.getConfiguration().getTopologicalOrderStr()) {
            if (!inputs.contains(v)) {
                vertexOf.put(names.getOrDefault(v, v), v);
            }
        }
        this.layers = list();
    }

    @Override
    public Path file() {
        return file;
    }

    /** "Keras h5" or "DeepLearning4J zip". */
    @Override
    public String format() {
        return format;
    }

    /** One example's input shape in the lab's layout. */
    @Override
    public List<Integer> inputShape() {
        return labShape(inputType);
    }

    /** Every layer (graph vertex) after the input, in the order the network runs them. */
    @Override
    public List<GuideLayer> layers() {
        return layers;
    }

    /** The DeepLearning4J network itself (to save it as a zip). */
    public ComputationGraph graph() {
        return graph;
    }

    @Override
    public long params() {
        return graph.numParams();
    }

    /** All parameters (BatchNorm's running statistics included) as one flat row, a view of the network's own. */
    @Override
    public INDArray paramsView() {
        return graph.params();
    }

    /**
     * The outputs of the layers {@code names} for a batch {@code input} [n, ...inputShape] in the lab's layout, each
     * flattened per example to [n, width] in the lab's layout (float). Inference mode: BatchNorm uses its running
     * statistics, dropout is off, nothing is updated.
     */
    @Override
    public Map<String, INDArray> activations(INDArray input, Collection<String> names) {
        INDArray x = input.castTo(graph.getConfiguration().getDataType());
        if (isNhwc(inputType)) {
            x = x.permute(0, 2, 3, 1).dup('c');
        }
        Map<String, INDArray> raw = new LinkedHashMap<>();
        for (List<String> pass : passes(names)) {
            INDArray[] got = graph.output(pass, false, new INDArray[] {x}, null);
            for (int i = 0; i < pass.size(); i++) {
                raw.put(pass.get(i), got[i].dup('c')); // ours: the next pass may reuse the graph's buffers
            }
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String n : names) {
            String v = vertexOf.get(n);
            INDArray a = raw.get(v);
            if (a.rank() == 4 && isNhwc(types.get(v))) {
                a = a.permute(0, 3, 1, 2).dup('c');
            }
            out.put(n, a.reshape('c', a.size(0), a.length() / a.size(0)).castTo(DataType.FLOAT));
        }
        return out;
    }

    /**
     * The requested vertices grouped into forward passes, in network order. DeepLearning4J's ActivationLayer and
     * DropoutLayer overwrite their input in inference (measured: a BatchNorm's output read after its ReLU had run was
     * the ReLU's), so a pass ends at a layer such a vertex reads: its output is taken before anything overwrites it.
     */
    private List<List<String>> passes(Collection<String> names) {
        List<String> wanted = new ArrayList<>();
        for (String n : names) {
            String v = vertexOf.get(n);
            if (v == null) {
                throw new IllegalArgumentException(file + ": the network has no layer '" + n + "'; its layers are "
                        + vertexOf.keySet());
            }
            wanted.add(v);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> pass = new ArrayList<>();
        for (String v : graph.getConfiguration().getTopologicalOrderStr()) {
            if (!wanted.contains(v) || pass.contains(v)) {
                continue;
            }
            pass.add(v);
            if (overwrittenDownstream(v)) {
                out.add(pass);
                pass = new ArrayList<>();
            }
        }
        if (!pass.isEmpty()) {
            out.add(pass);
        }
        return out;
    }

    private boolean overwrittenDownstream(String vertex) {
        for (Map.Entry<String, List<String>> e : graph.getConfiguration().getVertexInputs().entrySet()) {
            if (e.getValue().contains(vertex)) {
                GraphVertex consumer = graph.getVertex(e.getKey());
                if (consumer.hasLayer() && (consumer.getLayer().conf().getLayer() instanceof ActivationLayer
                        || consumer.getLayer().conf().getLayer() instanceof DropoutLayer)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name of the network's final output layer (its logits when the last layer is a linear Dense). */
    @Override
    public String outputName() {
        String v = graph.getConfiguration().getNetworkOutputs().get(0);
        return vertexOf.entrySet().stream().filter(e -> e.getValue().equals(v)).map(Map.Entry::getKey).findFirst().orElse(v);
    }

    private List<GuideLayer> list() {
        List<GuideLayer> out = new ArrayList<>();
        for (Map.Entry<String, String> e : vertexOf.entrySet()) {
            GraphVertex v = graph.getVertex(e.getValue());
            String kind = v.hasLayer() ? v.getLayer().conf().getLayer().getClass().getSimpleName() : v.getClass().getSimpleName();
            long params = v.hasLayer() ? v.getLayer().numParams() : 0;
            out.add(new GuideLayer(e.getKey(), kind, labShape(types.get(e.getValue())), params));
        }
        return List.copyOf(out);
    }

    static boolean isNhwc(InputType t) {
        return t instanceof InputType.InputTypeConvolutional c && c.getFormat() == CNN2DFormat.NHWC;
    }

    /** A DL4J input type as the lab writes shapes: (channels, height, width), (features), (features, steps). */
    static List<Integer> labShape(InputType t) {
        if (t instanceof InputType.InputTypeConvolutional c) {
            return List.of((int) c.getChannels(), (int) c.getHeight(), (int) c.getWidth());
        }
        if (t instanceof InputType.InputTypeFeedForward f) {
            return List.of((int) f.getSize());
        }
        if (t instanceof InputType.InputTypeConvolutionalFlat f) {
            return List.of((int) f.getDepth(), (int) f.getHeight(), (int) f.getWidth());
        }
        if (t instanceof InputType.InputTypeRecurrent r) {
            return r.getTimeSeriesLength() > 0 ? List.of((int) r.getSize(), (int) r.getTimeSeriesLength()) : List.of((int) r.getSize());
        }
        long[] s = t.getShape(false);
        List<Integer> out = new ArrayList<>();
        for (long d : s) {
            out.add((int) d);
        }
        return out;
    }
}
