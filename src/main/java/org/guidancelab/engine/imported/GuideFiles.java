package org.guidancelab.engine.imported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Opens a model file as an {@link ImportedNetwork}: a Keras 2 h5 (functional or Sequential, through DeepLearning4J's
 * Keras import), a DeepLearning4J zip (a ComputationGraph or a MultiLayerNetwork: one is tried, then the other) or a
 * SameDiff .sdz converted from ONNX by {@code guide convert}. HDF5 and zip are told by their first bytes, a .sdz by its
 * name (FlatBuffers has no magic number); an ONNX file is recognised and sent to {@code guide convert}. Every failure becomes a {@link GuideImportException}
 * naming the file, and the layer when one is at fault; nothing is half-loaded.
 */
public final class GuideFiles {
    private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final ObjectMapper JSON = new ObjectMapper();

    private GuideFiles() {
    }

    /**
     * Opens {@code file}. {@code inputShape} (lab layout, may be null) is needed only by a DL4J zip whose first layer
     * is a convolution: such a file does not record its image size, so the dataset's is used.
     */
    public static ImportedNetwork open(Path file, List<Integer> inputShape) throws GuideImportException {
        Path local = onDisk(file);
        byte[] head = head(file, local);
        if (startsWith(head, HDF5)) {
            return keras(file, local);
        }
        if (startsWith(head, ZIP)) {
            return dl4j(file, local, inputShape);
        }
        if (isSdz(file)) {
            return SameDiffNetwork.load(local);
        }
        if (isOnnx(file, head)) {
            throw new GuideImportException(file, "an ONNX file: convert it to a .sdz guide first with `guidance-lab guide"
                    + " convert " + file.getFileName() + " --sample INPUT.csv --reference DIR` (scripts/onnx-guide-export.py"
                    + " writes both), then use the .sdz");
        }
        throw new GuideImportException(file, "not a model file the lab can read: expected a Keras 2 .h5 (HDF5), a"
                + " DeepLearning4J .zip or a SameDiff .sdz (ONNX files: convert them with `guidance-lab guide convert`)");
    }

    /**
     * A SameDiff .sdz is a FlatBuffers table, which has no magic number (it starts with the offset of its root), so
     * unlike HDF5 and zip it is told by its name.
     */
    private static boolean isSdz(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sdz");
    }

    /** An ONNX ModelProto starts with field 1 (ir_version, a varint): the byte 0x08; or the file says .onnx. */
    private static boolean isOnnx(Path file, byte[] head) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")
                || (head.length > 1 && head[0] == 0x08);
    }

    /** The HDF5 library and DL4J's zip reader need a file on the default file system (not inside a jar). */
    private static Path onDisk(Path file) throws GuideImportException {
        if (!Files.isRegularFile(file)) {
            throw new GuideImportException(file, Files.exists(file) ? "is a folder, not a model file"
                    : "no such file (the guide's model file: check the path, relative to the experiment file's folder)");
        }
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return file;
        }
        try {
            Path tmp = Files.createTempFile("guide-", "-" + file.getFileName());
            tmp.toFile().deleteOnExit();
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new GuideImportException(file, "cannot be copied out to be read: " + e.getMessage(), e);
        }
    }

    private static byte[] head(Path file, Path local) throws GuideImportException {
        try (InputStream in = Files.newInputStream(local)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new GuideImportException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static ImportedNetwork keras(Path file, Path local) throws GuideImportException {
        JsonNode config = kerasConfig(file, local);
        boolean sequential = "Sequential".equals(config.path("class_name").asText());
        // the builder holds the HDF5 file open (native handles) until closed
        try (KerasModelBuilder b = new KerasModel().modelBuilder().modelHdf5Filename(local.toString())
                .enforceTrainingConfig(false)) {
            KerasModel model = sequential ? b.buildSequential() : b.buildModel();
            ComputationGraph graph;
            Map<String, String> names = new HashMap<>();
            if (sequential) {
                MultiLayerNetwork mln = ((KerasSequentialModel) model).getMultiLayerNetwork(true);
                names = layerNames(mln);
                graph = mln.toComputationGraph();
            } else {
                graph = model.getComputationGraph(true);
            }
            String input = model.getInputLayerNames().get(0);
            InputType type = model.getOutputTypes().get(input);
            if (type == null) {
                throw new GuideImportException(file, "its input layer '" + input + "' has no fixed shape: give the"
                        + " Keras Input a shape without None (besides the batch)");
            }
            return new Dl4jNetwork(file, "Keras h5", graph, type, names);
        } catch (GuideImportException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new GuideImportException(file, "the Keras import failed" + culprit(config, e) + ": " + reason(e), e);
        }
    }

    /** The Keras "model_config" attribute, read first so a failure can name the layer at fault. */
    private static JsonNode kerasConfig(Path file, Path local) throws GuideImportException {
        try (Hdf5Archive archive = new Hdf5Archive(local.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new GuideImportException(file, "an HDF5 file without a Keras \"model_config\": save the whole model"
                        + " (model.save(\"x.h5\") in Keras 2), not only its weights");
            }
            return JSON.readTree(archive.readAttributeAsJson("model_config"));
        } catch (GuideImportException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new GuideImportException(file, "is not a readable Keras h5 file: " + reason(e), e);
        }
    }

    /** " at layer 'x' (ConvLSTM2D)" for the first layer whose name or Keras class the failure mentions, else "". */
    private static String culprit(JsonNode config, Throwable e) {
        String msg = String.valueOf(reason(e));
        for (JsonNode layer : config.path("config").path("layers")) {
            String cls = layer.path("class_name").asText();
            String name = layer.path("config").path("name").asText();
            if ((!name.isEmpty() && msg.contains(name)) || (!cls.isEmpty() && msg.contains(cls))) {
                return " at layer '" + name + "' (" + cls + ")";
            }
        }
        return "";
    }

    private static ImportedNetwork dl4j(Path file, Path local, List<Integer> inputShape) throws GuideImportException {
        ComputationGraph graph;
        Map<String, String> names = new HashMap<>();
        try {
            graph = ModelSerializer.restoreComputationGraph(local.toFile(), false);
        } catch (Exception | LinkageError first) {
            try {
                MultiLayerNetwork mln = ModelSerializer.restoreMultiLayerNetwork(local.toFile(), false);
                names = layerNames(mln);
                graph = mln.toComputationGraph();
            } catch (Exception | LinkageError second) {
                throw new GuideImportException(file, "a zip file but not a DeepLearning4J model (neither a"
                        + " ComputationGraph nor a MultiLayerNetwork): " + reason(second), second);
            }
        }
        return new Dl4jNetwork(file, "DeepLearning4J zip", graph, dl4jInput(file, graph, inputShape), names);
    }

    /**
     * A MultiLayerNetwork's converted graph names its vertices "0", "1", ...: the layers' own names (Keras's, for an
     * imported Sequential) are what users know, so they are kept for display and for taps, where unique.
     */
    private static Map<String, String> layerNames(MultiLayerNetwork mln) {
        Map<String, String> out = new HashMap<>();
        int n = mln.getLayerWiseConfigurations().getConfs().size();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            String name = mln.getLayerWiseConfigurations().getConf(i).getLayer().getLayerName();
            if (name != null && !name.isBlank() && seen.add(name)) {
                out.put(String.valueOf(i), name);
            }
        }
        return out;
    }

    /**
     * A DL4J zip does not record its input's image size: the first layer gives the kind (dense: its input width;
     * convolution: channels and layout) and the dataset gives the rest.
     */
    private static InputType dl4jInput(Path file, ComputationGraph graph, List<Integer> inputShape) throws GuideImportException {
        String input = graph.getConfiguration().getNetworkInputs().get(0);
        Layer first = null;
        for (String name : graph.getConfiguration().getTopologicalOrderStr()) {
            GraphVertex v = graph.getVertex(name);
            if (v.hasLayer() && v.getLayer().conf().getLayer() instanceof BaseLayer l) {
                first = l;
                break;
            }
        }
        if (first instanceof ConvolutionLayer c) {
            if (inputShape == null || inputShape.size() != 3) {
                throw new GuideImportException(file, "its first layer is a convolution taking " + c.getNIn() + " channels,"
                        + " but the file does not record the image size: it needs image data (channels, height, width), given by the"
                        + " experiment's dataset (on the command line: --input C,H,W)"
                        + (inputShape == null ? "" : ", and the data is " + inputShape));
            }
            if (inputShape.get(0) != c.getNIn()) {
                throw new GuideImportException(file, "its first layer '" + c.getLayerName() + "' takes " + c.getNIn()
                        + " channels but the data has " + inputShape.get(0) + " (data " + inputShape + ")");
            }
            CNN2DFormat f = c.getCnn2dDataFormat() == null ? CNN2DFormat.NCHW : c.getCnn2dDataFormat();
            return InputType.convolutional(inputShape.get(1), inputShape.get(2), inputShape.get(0), f);
        }
        if (first instanceof FeedForwardLayer d) {
            return InputType.feedForward(d.getNIn());
        }
        throw new GuideImportException(file, "its input '" + input + "' feeds no dense or convolution layer first:"
                + " the lab cannot tell its input shape");
    }

    /** The innermost message, which is the one that says what is wrong. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
