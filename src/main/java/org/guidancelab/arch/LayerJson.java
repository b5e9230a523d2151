package org.guidancelab.arch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One layer to and from human-friendly JSON: {@code {"type":"Dense","name":"fc1","units":128,"activation":"relu"}}.
 * Optional fields have the defaults of {@link LayerDefaults}; the writer leaves out fields at their default so
 * files stay short, and reading what it wrote gives back the same record.
 */
final class LayerJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ACTIVATIONS = Arrays.stream(ActivationFn.values()).map(ActivationFn::jsonName).toList();
    private static final int MIN_SIZE = 1;

    private LayerJson() {
    }

    static List<String> typeNames() {
        return Arrays.stream(LayerType.values()).map(LayerType::jsonName).toList();
    }

    static LayerSpec read(JsonObjectReader r, boolean insideBlock) throws JsonSpecException {
        String typeName = r.requiredString("type");
        LayerType type = LayerType.fromJsonName(typeName);
        if (type == null) {
            String closest = Spelling.closest(typeName, typeNames());
            throw r.error("type", "unknown layer type \"" + typeName + "\""
                    + (closest == null ? "" : " (did you mean \"" + closest + "\"?)")
                    + "; known types: " + String.join(", ", typeNames()));
        }
        r = r.as("a " + type.jsonName() + " layer");
        String name = r.requiredString("name");
        boolean tap = r.optBoolean("tap", LayerDefaults.tap(type, insideBlock));
        LayerSpec layer = readFields(type, name, tap, r, insideBlock);
        r.finish();
        return layer;
    }

    private static ActivationFn activation(JsonObjectReader r, String field) throws JsonSpecException {
        return r.optEnum(field, LayerDefaults.ACTIVATION, ActivationFn::parse, ACTIVATIONS);
    }

    private static LayerSpec readFields(LayerType type, String name, boolean tap, JsonObjectReader r, boolean inside)
            throws JsonSpecException {
        switch (type) {
            case INPUT: {
                Layers.InputKind kind = r.optEnum("kind", Layers.InputKind.REAL, LayerJson::inputKind, List.of("real", "tokens"));
                List<Integer> shape = r.requiredIntList("shape", MIN_SIZE);
                int vocab = kind == Layers.InputKind.TOKENS ? r.requiredInt("vocabSize", MIN_SIZE) : r.optInt("vocabSize", 0, 0);
                return new Layers.Input(name, kind, shape, vocab);
            }
            case DENSE:
                return new Layers.Dense(name, r.requiredInt("units", MIN_SIZE), activation(r, "activation"),
                        r.optBoolean("bias", LayerDefaults.BIAS), tap);
            case CONV2D:
                return new Layers.Conv2D(name, r.requiredInt("filters", MIN_SIZE), r.requiredInt("kernel", MIN_SIZE),
                        r.optInt("stride", LayerDefaults.STRIDE, MIN_SIZE), r.optInt("padding", LayerDefaults.PADDING, 0),
                        activation(r, "activation"), tap);
            case MAX_POOL_2D: {
                int size = r.requiredInt("size", MIN_SIZE);
                return new Layers.MaxPool2D(name, size, r.optInt("stride", size, MIN_SIZE), tap);
            }
            case AVG_POOL_2D: {
                int size = r.requiredInt("size", MIN_SIZE);
                return new Layers.AvgPool2D(name, size, r.optInt("stride", size, MIN_SIZE), tap);
            }
            case GLOBAL_AVG_POOL:
                return new Layers.GlobalAvgPool(name, tap);
            case FLATTEN:
                return new Layers.Flatten(name, tap);
            case RESHAPE:
                return new Layers.Reshape(name, r.requiredIntList("shape", MIN_SIZE), tap);
            case BATCH_NORM:
                return new Layers.BatchNorm(name, r.optDouble("momentum", LayerDefaults.BN_MOMENTUM),
                        r.optDouble("epsilon", LayerDefaults.NORM_EPSILON), tap);
            case LAYER_NORM:
                return new Layers.LayerNorm(name, r.optDouble("epsilon", LayerDefaults.NORM_EPSILON), tap);
            case DROPOUT:
                return new Layers.Dropout(name, r.requiredDouble("rate"), tap);
            case ACTIVATION:
                if (!r.has("activation")) {
                    r.requiredString("activation");
                }
                return new Layers.Activation(name, activation(r, "activation"), tap);
            case RESIDUAL: {
                List<LayerSpec> block = new ArrayList<>();
                for (JsonObjectReader inner : r.objectList("block", true, "a layer")) {
                    block.add(read(inner, true));
                }
                Layers.Skip skip = r.optEnum("skip", Layers.Skip.IDENTITY, LayerJson::skip, List.of("identity", "projection"));
                return new Layers.Residual(name, block, skip, activation(r, "post"), tap);
            }
            case EMBEDDING:
                return new Layers.Embedding(name, r.requiredInt("vocabSize", MIN_SIZE), r.requiredInt("dim", MIN_SIZE), tap);
            case POSITIONAL_EMBEDDING:
                return new Layers.PositionalEmbedding(name, r.requiredInt("maxLength", MIN_SIZE), tap);
            case SIMPLE_RNN:
                return new Layers.SimpleRNN(name, r.requiredInt("units", MIN_SIZE), tap);
            case LSTM:
                return new Layers.LSTM(name, r.requiredInt("units", MIN_SIZE), tap);
            case TRANSFORMER_BLOCK: {
                int d = r.requiredInt("dModel", MIN_SIZE);
                return new Layers.TransformerBlock(name, d, r.requiredInt("heads", MIN_SIZE),
                        r.optInt("ffWidth", LayerDefaults.FF_MULTIPLIER * d, MIN_SIZE), r.optBoolean("causal", false),
                        r.optDouble("dropout", LayerDefaults.TRANSFORMER_DROPOUT), tap);
            }
            case SEQUENCE_POOL:
                return new Layers.SequencePool(name, r.optEnum("mode", Layers.PoolMode.LAST, LayerJson::poolMode,
                        List.of("last", "mean")), tap);
            case OUTPUT:
                return new Layers.Output(name, r.requiredInt("classes", MIN_SIZE), r.optBoolean("perToken", false));
            default:
                throw new IllegalStateException("layer type without a reader: " + type);
        }
    }

    private static Layers.InputKind inputKind(String s) {
        return enumNamed(Layers.InputKind.class, s);
    }

    private static Layers.Skip skip(String s) {
        return enumNamed(Layers.Skip.class, s);
    }

    private static Layers.PoolMode poolMode(String s) {
        return enumNamed(Layers.PoolMode.class, s);
    }

    private static <E extends Enum<E>> E enumNamed(Class<E> c, String s) {
        for (E e : c.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s.trim())) {
                return e;
            }
        }
        return null;
    }

    static String jsonName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static ObjectNode write(LayerSpec layer, boolean insideBlock) {
        LayerType type = LayerType.of(layer);
        ObjectNode o = NODES.objectNode();
        o.put("type", type.jsonName());
        o.put("name", layer.name());
        writeFields(layer, o);
        if (type != LayerType.INPUT && type != LayerType.OUTPUT && layer.tap() != LayerDefaults.tap(type, insideBlock)) {
            o.put("tap", layer.tap());
        }
        return o;
    }

    private static void activation(ObjectNode o, String field, ActivationFn f) {
        if (f != LayerDefaults.ACTIVATION) {
            o.put(field, f.jsonName());
        }
    }

    private static void writeFields(LayerSpec layer, ObjectNode o) {
        if (layer instanceof Layers.Input l) {
            if (l.kind() != Layers.InputKind.REAL) {
                o.put("kind", jsonName(l.kind()));
            }
            ArrayNode shape = o.putArray("shape");
            l.shape().forEach(shape::add);
            if (l.vocabSize() != 0 || l.kind() == Layers.InputKind.TOKENS) {
                o.put("vocabSize", l.vocabSize());
            }
        } else if (layer instanceof Layers.Dense l) {
            o.put("units", l.units());
            activation(o, "activation", l.activation());
            if (l.bias() != LayerDefaults.BIAS) {
                o.put("bias", l.bias());
            }
        } else if (layer instanceof Layers.Conv2D l) {
            o.put("filters", l.filters());
            o.put("kernel", l.kernel());
            if (l.stride() != LayerDefaults.STRIDE) {
                o.put("stride", l.stride());
            }
            if (l.padding() != LayerDefaults.PADDING) {
                o.put("padding", l.padding());
            }
            activation(o, "activation", l.activation());
        } else if (layer instanceof Layers.MaxPool2D l) {
            pool(o, l.size(), l.stride());
        } else if (layer instanceof Layers.AvgPool2D l) {
            pool(o, l.size(), l.stride());
        } else if (layer instanceof Layers.Reshape l) {
            ArrayNode shape = o.putArray("shape");
            l.shape().forEach(shape::add);
        } else if (layer instanceof Layers.BatchNorm l) {
            if (l.momentum() != LayerDefaults.BN_MOMENTUM) {
                o.put("momentum", l.momentum());
            }
            if (l.epsilon() != LayerDefaults.NORM_EPSILON) {
                o.put("epsilon", l.epsilon());
            }
        } else if (layer instanceof Layers.LayerNorm l) {
            if (l.epsilon() != LayerDefaults.NORM_EPSILON) {
                o.put("epsilon", l.epsilon());
            }
        } else if (layer instanceof Layers.Dropout l) {
            o.put("rate", l.rate());
        } else if (layer instanceof Layers.Activation l) {
            o.put("activation", l.fn().jsonName());
        } else if (layer instanceof Layers.Residual l) {
            if (l.skip() != Layers.Skip.IDENTITY) {
                o.put("skip", jsonName(l.skip()));
            }
            activation(o, "post", l.post());
            ArrayNode block = o.putArray("block");
            l.block().forEach(inner -> block.add(write(inner, true)));
        } else if (layer instanceof Layers.Embedding l) {
            o.put("vocabSize", l.vocabSize());
            o.put("dim", l.dim());
        } else if (layer instanceof Layers.PositionalEmbedding l) {
            o.put("maxLength", l.maxLength());
        } else if (layer instanceof Layers.SimpleRNN l) {
            o.put("units", l.units());
        } else if (layer instanceof Layers.LSTM l) {
            o.put("units", l.units());
        } else if (layer instanceof Layers.TransformerBlock l) {
            o.put("dModel", l.dModel());
            o.put("heads", l.heads());
            if (l.ffWidth() != LayerDefaults.FF_MULTIPLIER * l.dModel()) {
                o.put("ffWidth", l.ffWidth());
            }
            if (l.causal()) {
                o.put("causal", true);
            }
            if (l.dropout() != LayerDefaults.TRANSFORMER_DROPOUT) {
                o.put("dropout", l.dropout());
            }
        } else if (layer instanceof Layers.SequencePool l) {
            if (l.mode() != Layers.PoolMode.LAST) {
                o.put("mode", jsonName(l.mode()));
            }
        } else if (layer instanceof Layers.Output l) {
            o.put("classes", l.classes());
            if (l.perToken()) {
                o.put("perToken", true);
            }
        }
        // GlobalAvgPool and Flatten have no fields besides name and tap.
    }

    private static void pool(ObjectNode o, int size, int stride) {
        o.put("size", size);
        if (stride != size) {
            o.put("stride", stride);
        }
    }
}
