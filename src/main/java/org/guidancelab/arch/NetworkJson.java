package org.guidancelab.arch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Network files (the architecture library, the builder's save/load):
 * <pre>
 * { "schemaVersion": 1, "name": "small-cnn", "title": "...", "description": "...",
 *   "layers": [ {"type": "Input", "name": "in", "shape": [1, 28, 28]},
 *               {"type": "Conv2D", "name": "c1", "filters": 16, "kernel": 3, "padding": 1, "activation": "relu"},
 *               ... ] }
 * </pre>
 * "title" and "description" are optional catalogue text and not part of the {@link NetworkSpec}. Errors are
 * {@link JsonSpecException}s naming file, line and JSON path.
 */
public final class NetworkJson {
    private NetworkJson() {
    }

    public static NetworkSpec read(Path file) throws IOException, JsonSpecException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static NetworkSpec parse(String json, String fileLabel) throws JsonSpecException {
        JsonObjectReader top = LocatedJson.parse(json, fileLabel).rootReader().as("a network file");
        SpecJson.checkVersion(top);
        top.optString("title", "");
        top.optString("description", "");
        NetworkSpec spec = readNetwork(top);
        top.finish();
        return spec;
    }

    public static String write(NetworkSpec spec) {
        ObjectNode o = SpecJson.newObject();
        o.put(SpecJson.VERSION_FIELD, SpecJson.SCHEMA_VERSION);
        o.setAll(toTree(spec));
        return SpecJson.print(o);
    }

    /**
     * Reads the "name" and "layers" of a network object (the caller checks for unknown fields, since a network
     * file and an experiment's "guide"/"target" allow different extra fields).
     */
    public static NetworkSpec readNetwork(JsonObjectReader r) throws JsonSpecException {
        String name = r.optString("name", "");
        List<LayerSpec> layers = new ArrayList<>();
        for (JsonObjectReader l : r.objectList("layers", true, "a layer")) {
            layers.add(LayerJson.read(l, false));
        }
        return new NetworkSpec(name, layers);
    }

    /** The network as a JSON object with "name" and "layers". */
    public static ObjectNode toTree(NetworkSpec spec) {
        ObjectNode o = SpecJson.newObject();
        o.put("name", spec.name());
        ArrayNode layers = o.putArray("layers");
        for (LayerSpec l : spec.layers()) {
            layers.add(LayerJson.write(l, false));
        }
        return o;
    }
}
