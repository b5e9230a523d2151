package org.guidancelab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Spelling;
import org.guidancelab.data.DataFormatException;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.data.DatasetParameter;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;

/**
 * The address of one setting of an experiment, as a sweep axis names it:
 * <pre>
 *   training.alpha   training.learningRate   training.steps   ...   (every field of "training")
 *   seed                                      (training.seed)
 *   pairing                                   ("rule" or a pairing object)
 *   arms[guided].guidanceSteps                (a field of the arm named guided; arms[*] = every arm it applies to)
 *   arms[guided].warmup                       (guidance for the first N steps: 0 = never (a baseline), N = steps = all)
 *   target.layers[fc2].units                  (a field of a layer; layers[fc1,fc2] several, layers[*] every layer
 *   guide.layers[*].filters                    that has the field, inside residual blocks too)
 *   dataset.params.train                      (a parameter of the dataset)
 * </pre>
 * A path is resolved against an experiment ({@link #resolve}) into the {@link Setting}s it touches, each with its type
 * and valid range, and applied to the experiment's JSON tree ({@link #apply}), so a changed experiment goes through
 * the experiment codec and validator like a file would. {@link #settable} lists every setting of an experiment.
 */
public final class SettingPath {
    /** What part of the experiment a path addresses. */
    public enum Scope { TRAINING, PAIRING, ARM, LAYER, DATASET }

    static final String WARMUP = "warmup";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ACTIVATIONS = Arrays.stream(ActivationFn.values()).map(ActivationFn::jsonName).toList();
    private static final Map<String, Setting> TRAINING = new LinkedHashMap<>();
    private static final Map<String, Setting> ARM = new LinkedHashMap<>();
    private static final Map<String, Map<String, Setting>> LAYER = new LinkedHashMap<>();

    static {
        training(Setting.of("alpha", SettingType.NUMBER, "weight of the guidance term").atLeast(0));
        training(Setting.of("optimizer", SettingType.CHOICE, "the optimizer")
                .choices(Arrays.stream(OptimizerKind.values()).map(OptimizerKind::jsonName).toList()));
        training(Setting.of("learningRate", SettingType.NUMBER, "the learning rate").above(0));
        training(Setting.of("momentum", SettingType.NUMBER, "SGD's momentum").atLeast(0).below(1));
        training(Setting.of("weightDecay", SettingType.NUMBER, "AdamW's decoupled weight decay").atLeast(0));
        training(Setting.of("gradClip", SettingType.NUMBER, "clip the gradient norm to this (0 = off)").atLeast(0));
        training(Setting.of("batchSize", SettingType.INT, "examples per step (CKA needs 2 or more)").atLeast(2));
        training(Setting.of("steps", SettingType.INT, "task steps per arm").atLeast(1).steps());
        training(Setting.of("evalInterval", SettingType.INT, "validation every this many steps").atLeast(1).steps());
        training(Setting.of("checkpointInterval", SettingType.INT, "a checkpoint every this many steps (0 = at the end)")
                .atLeast(0).steps());
        training(Setting.of("seed", SettingType.INT, "the training seed (initialisation, batch order)"));

        arm(Setting.of("kind", SettingType.CHOICE, "what the arm does")
                .choices(Arrays.stream(ArmKind.values()).map(ArmKind::jsonName).toList()));
        arm(Setting.of("guideTrainSteps", SettingType.INT, "steps to train the guide first (0 = untrained)").atLeast(0).steps());
        arm(Setting.of("guideModel", SettingType.TEXT, "a saved guide model to load"));
        arm(Setting.of("guidanceSteps", SettingType.INT, "guidance for the first N steps (0 = the whole run)").atLeast(0).steps());
        arm(Setting.of(WARMUP, SettingType.INT, "guidance for the first N steps, then disconnected: 0 = never (the arm "
                + "trains as a baseline), the run's steps = the whole run").atLeast(0).steps());
        arm(Setting.of("noiseGuide", SettingType.BOOLEAN, "the guide sees noise"));
        arm(Setting.of("noisePrephaseSteps", SettingType.INT, "alignment steps on noise first").atLeast(0).steps());
        arm(Setting.of("taskGuidance", SettingType.BOOLEAN, "false: guidance only in the noise pre-phase"));
        arm(Setting.of("distillTemperature", SettingType.NUMBER, "distillation's softmax temperature").above(0));
        arm(Setting.of("distillWeight", SettingType.NUMBER, "weight of the distillation term").atLeast(0));

        Setting tap = Setting.of("tap", SettingType.BOOLEAN, "the layer's output takes part in CKA");
        Setting activation = Setting.of("activation", SettingType.CHOICE, "the non-linearity").choices(ACTIVATIONS);
        Setting units = Setting.of("units", SettingType.INT, "width").atLeast(1);
        Setting stride = Setting.of("stride", SettingType.INT, "stride").atLeast(1);
        layer("Input", Setting.of("vocabSize", SettingType.INT, "vocabulary size (tokens)").atLeast(1));
        layer("Dense", units, activation, Setting.of("bias", SettingType.BOOLEAN, "a bias term"), tap);
        layer("Conv2D", Setting.of("filters", SettingType.INT, "output channels").atLeast(1),
                Setting.of("kernel", SettingType.INT, "kernel size").atLeast(1), stride,
                Setting.of("padding", SettingType.INT, "zero padding").atLeast(0), activation, tap);
        Setting size = Setting.of("size", SettingType.INT, "window size").atLeast(1);
        layer("MaxPool2D", size, stride, tap);
        layer("AvgPool2D", size, stride, tap);
        layer("GlobalAvgPool", tap);
        layer("Flatten", tap);
        layer("Reshape", tap);
        Setting epsilon = Setting.of("epsilon", SettingType.NUMBER, "added to the variance").above(0);
        layer("BatchNorm", Setting.of("momentum", SettingType.NUMBER, "running-average momentum").atLeast(0).atMost(1),
                epsilon, tap);
        layer("LayerNorm", epsilon, tap);
        layer("Dropout", Setting.of("rate", SettingType.NUMBER, "fraction of values zeroed").atLeast(0).below(1), tap);
        layer("Activation", activation, tap);
        layer("Residual", Setting.of("skip", SettingType.CHOICE, "the skip path").choices(List.of("identity", "projection")),
                Setting.of("post", SettingType.CHOICE, "activation after the sum").choices(ACTIVATIONS), tap);
        layer("Embedding", Setting.of("vocabSize", SettingType.INT, "vocabulary size").atLeast(1),
                Setting.of("dim", SettingType.INT, "vector size").atLeast(1), tap);
        layer("PositionalEmbedding", Setting.of("maxLength", SettingType.INT, "longest sequence").atLeast(1), tap);
        layer("SimpleRNN", units, tap);
        layer("LSTM", units, tap);
        layer("TransformerBlock", Setting.of("dModel", SettingType.INT, "model width").atLeast(1),
                Setting.of("heads", SettingType.INT, "attention heads").atLeast(1),
                Setting.of("ffWidth", SettingType.INT, "feed-forward width").atLeast(1),
                Setting.of("causal", SettingType.BOOLEAN, "causal attention"),
                Setting.of("dropout", SettingType.NUMBER, "dropout rate").atLeast(0).below(1), tap);
        layer("SequencePool", Setting.of("mode", SettingType.CHOICE, "how a sequence is reduced").choices(List.of("last", "mean")), tap);
        layer("Output", Setting.of("classes", SettingType.INT, "classes").atLeast(1),
                Setting.of("perToken", SettingType.BOOLEAN, "a prediction per token"));
    }

    private static void training(Setting s) {
        TRAINING.put(s.path(), s);
    }

    private static void arm(Setting s) {
        ARM.put(s.path(), s);
    }

    private static void layer(String type, Setting... fields) {
        Map<String, Setting> m = new LinkedHashMap<>();
        for (Setting f : fields) {
            m.put(f.path(), f);
        }
        LAYER.put(type.toLowerCase(Locale.ROOT), m);
    }

    private final String text;
    private final Scope scope;
    private final String network;
    private final List<String> selector;
    private final String field;

    private SettingPath(String text, Scope scope, String network, List<String> selector, String field) {
        this.text = text;
        this.scope = scope;
        this.network = network;
        this.selector = List.copyOf(selector);
        this.field = field;
    }

    /** The path as written (without a leading "$."). */
    public String text() {
        return text;
    }

    public Scope scope() {
        return scope;
    }

    /** The field the path ends in ("alpha", "units", "warmup"); "pairing" for the pairing. */
    public String field() {
        return field;
    }

    /** Where in an experiment file the setting lives ("$.training", "$.arms", "$.target", ...), for locating problems. */
    public String jsonPrefix() {
        switch (scope) {
            case TRAINING:
                return "$.training";
            case PAIRING:
                return "$.pairing";
            case ARM:
                return "$.arms";
            case LAYER:
                return "$." + network;
            default:
                return "$.dataset";
        }
    }

    /** Applied after every other setting of a cell (it reads others: a warmup compares with the run's steps). */
    public boolean late() {
        return scope == Scope.ARM && field.equals(WARMUP);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingPath p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Reads a path; a malformed one says what the paths look like. */
    public static SettingPath parse(String path) throws PathProblem {
        String t = path == null ? "" : path.trim();
        if (t.startsWith("$.")) {
            t = t.substring(2);
        }
        if (t.isEmpty()) {
            throw new PathProblem("the path is empty; " + FORMS);
        }
        if (t.equals("seed")) {
            return new SettingPath(t, Scope.TRAINING, null, List.of(), "seed");
        }
        if (t.equals("pairing")) {
            return new SettingPath(t, Scope.PAIRING, null, List.of(), "pairing");
        }
        if (t.startsWith("training.")) {
            String f = t.substring("training.".length());
            if (!TRAINING.containsKey(f)) {
                throw new PathProblem("no setting '" + t + "'" + hint(f, TRAINING.keySet(), "training.") + "; training's settings are "
                        + String.join(", ", TRAINING.keySet()));
            }
            return new SettingPath(t, Scope.TRAINING, null, List.of(), f);
        }
        if (t.startsWith("dataset.params.")) {
            String f = t.substring("dataset.params.".length());
            if (f.isEmpty() || f.contains(".")) {
                throw new PathProblem("'" + t + "' is not a dataset parameter; write dataset.params.NAME, e.g. dataset.params.train");
            }
            return new SettingPath(t, Scope.DATASET, null, List.of(), f);
        }
        if (t.startsWith("arms[")) {
            int close = t.indexOf("].");
            if (close < 0) {
                throw new PathProblem("'" + t + "': write arms[NAME].FIELD, e.g. arms[guided].warmup");
            }
            String f = t.substring(close + 2);
            if (!ARM.containsKey(f)) {
                throw new PathProblem("no arm setting '" + f + "'" + hint(f, ARM.keySet(), "") + "; an arm's settings are "
                        + String.join(", ", ARM.keySet()));
            }
            return new SettingPath(t, Scope.ARM, null, names(t, t.substring(5, close)), f);
        }
        if (t.startsWith("guide.layers[") || t.startsWith("target.layers[")) {
            String net = t.substring(0, t.indexOf('.'));
            int open = t.indexOf('[');
            int close = t.indexOf("].");
            if (close < 0 || t.substring(close + 2).isEmpty() || t.substring(close + 2).contains(".")) {
                throw new PathProblem("'" + t + "': write " + net + ".layers[NAME].FIELD, e.g. " + net + ".layers[fc1].units");
            }
            return new SettingPath(t, Scope.LAYER, net, names(t, t.substring(open + 1, close)), t.substring(close + 2));
        }
        String first = t.split("[.\\[]")[0];
        String closest = Spelling.closest(first, List.of("training", "seed", "pairing", "arms", "guide", "target", "dataset"));
        throw new PathProblem("no setting '" + t + "'" + (closest == null || closest.equals(first) ? "" : " (did you mean "
                + closest + "...?)") + "; " + FORMS);
    }

    private static final String FORMS = "a path is training.FIELD, seed, pairing, arms[NAME].FIELD, "
            + "guide.layers[NAME].FIELD, target.layers[NAME].FIELD or dataset.params.NAME";

    private static List<String> names(String path, String inside) throws PathProblem {
        List<String> out = new ArrayList<>();
        for (String n : inside.split(",")) {
            if (n.trim().isEmpty()) {
                throw new PathProblem("'" + path + "': empty name in [" + inside + "]; name an arm or a layer, or * for all");
            }
            out.add(n.trim());
        }
        return out;
    }

    private static String hint(String word, java.util.Collection<String> known, String prefix) {
        String c = Spelling.closest(word, known);
        return c == null ? "" : " (did you mean " + prefix + c + "?)";
    }

    /**
     * The concrete settings this path touches in {@code spec}, each with its own path
     * ({@code target.layers[fc1].units}), type, range and current value; all of one type.
     *
     * @throws PathProblem when the path names an arm, a layer or a field the experiment does not have
     */
    public List<Setting> resolve(ExperimentSpec spec) throws PathProblem {
        ObjectNode tree = ExperimentJson.tree(spec);
        return resolve(tree, spec);
    }

    /** The setting's type and range (the first of {@link #resolve}). */
    public Setting setting(ExperimentSpec spec) throws PathProblem {
        return resolve(spec).get(0);
    }

    private List<Setting> resolve(ObjectNode tree, ExperimentSpec spec) throws PathProblem {
        switch (scope) {
            case TRAINING:
                return List.of(TRAINING.get(field).withPath(text).withCurrent(tree.path("training").get(field)));
            case PAIRING:
                return List.of(Setting.of("pairing", SettingType.PAIRING, "how guide taps are paired with target taps")
                        .withCurrent(tree.get("pairing")));
            case DATASET:
                return List.of(datasetSetting(spec, field).withCurrent(tree.path("dataset").path("params").get(field)));
            case ARM: {
                List<Setting> out = new ArrayList<>();
                for (ObjectNode arm : arms(tree)) {
                    out.add(ARM.get(field).withPath("arms[" + arm.path("name").asText() + "]." + field)
                            .withCurrent(arm.get(field)));
                }
                return out;
            }
            case LAYER: {
                List<Setting> out = new ArrayList<>();
                for (ObjectNode layer : layers(tree)) {
                    Setting s = LAYER.getOrDefault(layer.path("type").asText().toLowerCase(Locale.ROOT), Map.of()).get(field);
                    out.add(s.withPath(network + ".layers[" + layer.path("name").asText() + "]." + field)
                            .withCurrent(layer.get(field)));
                }
                return out;
            }
            default:
                throw new IllegalStateException("unknown scope " + scope);
        }
    }

    /** The arm objects this path addresses. */
    private List<ObjectNode> arms(ObjectNode tree) throws PathProblem {
        List<ObjectNode> all = new ArrayList<>();
        tree.path("arms").forEach(a -> all.add((ObjectNode) a));
        List<String> names = all.stream().map(a -> a.path("name").asText()).toList();
        List<ObjectNode> out = new ArrayList<>();
        if (selector.equals(List.of("*"))) {
            for (ObjectNode a : all) {
                if (applies(a)) {
                    out.add(a);
                }
            }
            if (out.isEmpty()) {
                throw new PathProblem(text + ": no arm has the setting '" + field + "'"
                        + (field.equals(WARMUP) ? " (a warmup applies to guided arms)" : ""));
            }
            return out;
        }
        for (String n : selector) {
            int i = names.indexOf(n);
            if (i < 0) {
                String c = Spelling.closest(n, names);
                throw new PathProblem(text + ": no arm called '" + n + "'" + (c == null ? "" : " (did you mean '" + c + "'?)")
                        + "; the arms are " + String.join(", ", names));
            }
            ObjectNode a = all.get(i);
            if (!applies(a)) {
                throw new PathProblem(text + ": arm '" + n + "' is a " + a.path("kind").asText() + " arm; a warmup "
                        + "applies to guided arms (guided-untrained, guided-trained)");
            }
            out.add(a);
        }
        return out;
    }

    private boolean applies(ObjectNode arm) {
        if (!field.equals(WARMUP)) {
            return true;
        }
        ArmKind k = ArmKind.parse(arm.path("kind").asText());
        return k == ArmKind.GUIDED_UNTRAINED || k == ArmKind.GUIDED_TRAINED;
    }

    /** The layer objects this path addresses (inside residual blocks too). */
    private List<ObjectNode> layers(ObjectNode tree) throws PathProblem {
        List<ObjectNode> all = new ArrayList<>();
        collect(tree.path(network).path("layers"), all);
        List<ObjectNode> out = new ArrayList<>();
        if (selector.equals(List.of("*"))) {
            for (ObjectNode l : all) {
                if (fields(l).containsKey(field)) {
                    out.add(l);
                }
            }
            if (out.isEmpty()) {
                throw new PathProblem(text + ": no layer of the " + network + " has the field '" + field + "'");
            }
            return out;
        }
        List<String> names = all.stream().map(l -> l.path("name").asText()).toList();
        for (String n : selector) {
            int i = names.indexOf(n);
            if (i < 0) {
                String c = Spelling.closest(n, names);
                throw new PathProblem(text + ": the " + network + " has no layer '" + n + "'"
                        + (c == null ? "" : " (did you mean '" + c + "'?)") + "; its layers are " + String.join(", ", names));
            }
            ObjectNode l = all.get(i);
            Map<String, Setting> fs = fields(l);
            if (!fs.containsKey(field)) {
                String c = Spelling.closest(field, fs.keySet());
                throw new PathProblem(text + ": layer '" + n + "' is a " + l.path("type").asText() + " layer"
                        + (c == null ? "" : " (did you mean ." + c + "?)") + "; its settable fields are "
                        + (fs.isEmpty() ? "none" : String.join(", ", fs.keySet())));
            }
            out.add(l);
        }
        return out;
    }

    private static Map<String, Setting> fields(ObjectNode layer) {
        return LAYER.getOrDefault(layer.path("type").asText().toLowerCase(Locale.ROOT), Map.of());
    }

    private static void collect(JsonNode layers, List<ObjectNode> out) {
        for (JsonNode l : layers) {
            if (l.isObject()) {
                out.add((ObjectNode) l);
                collect(l.path("block"), out);
            }
        }
    }

    private static Setting datasetSetting(ExperimentSpec spec, String name) throws PathProblem {
        Object current = spec.dataset().params().get(name);
        List<DatasetParameter> known;
        try {
            known = DatasetFactory.parameters(spec.dataset().name());
        } catch (DataFormatException e) {
            known = List.of();
        }
        if (current == null) {
            current = known.stream().filter(p -> p.name().equals(name)).map(DatasetParameter::defaultValue)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        boolean isKnown = spec.dataset().params().containsKey(name) || known.stream().anyMatch(p -> p.name().equals(name));
        if (!isKnown) {
            List<String> names = known.stream().map(DatasetParameter::name).toList();
            String c = Spelling.closest(name, names);
            throw new PathProblem("dataset." + "params." + name + ": the dataset '" + spec.dataset().name() + "' has no parameter '"
                    + name + "'" + (c == null ? "" : " (did you mean '" + c + "'?)")
                    + (names.isEmpty() ? "" : "; its parameters are " + String.join(", ", names)));
        }
        String path = "dataset.params." + name;
        String what = known.stream().filter(p -> p.name().equals(name)).map(DatasetParameter::description).findFirst()
                .orElse("a parameter of the dataset");
        if (current instanceof Integer || current instanceof Long) {
            return Setting.of(path, SettingType.INT, what).atLeast(0);
        }
        if (current instanceof Number) {
            return Setting.of(path, SettingType.NUMBER, what);
        }
        if (current instanceof Boolean) {
            return Setting.of(path, SettingType.BOOLEAN, what);
        }
        return Setting.of(path, SettingType.TEXT, what);
    }

    /**
     * Sets {@code value} (already accepted by the setting, see {@link Setting#accept}) at this path of an experiment's
     * JSON tree ({@link ExperimentJson#tree}).
     *
     * @throws PathProblem when the tree lacks what the path names, or the value does not fit the rest of the tree
     *                     (a warmup longer than the run)
     */
    public void apply(ObjectNode tree, JsonNode value) throws PathProblem {
        switch (scope) {
            case TRAINING:
                obj(tree, "training").set(field, value);
                return;
            case PAIRING:
                tree.set("pairing", value.isTextual() ? NODES.objectNode().put("mode", "rule") : value.deepCopy());
                return;
            case DATASET:
                obj(obj(tree, "dataset"), "params").set(field, value);
                return;
            case ARM:
                for (ObjectNode arm : arms(tree)) {
                    if (field.equals(WARMUP)) {
                        warmup(tree, arm, value.asInt());
                    } else {
                        arm.set(field, value);
                    }
                }
                return;
            case LAYER:
                for (ObjectNode layer : layers(tree)) {
                    layer.set(field, value);
                }
                return;
            default:
                throw new IllegalStateException("unknown scope " + scope);
        }
    }

    /** Guidance for the first n task steps: 0 = a baseline arm, the run's steps or more = the whole run. */
    private void warmup(ObjectNode tree, ObjectNode arm, int n) throws PathProblem {
        int steps = tree.path("training").path("steps").asInt();
        if (n > steps) {
            throw new PathProblem(text + ": a warmup of " + n + " steps is longer than the run (" + steps
                    + " steps); use at most " + steps + " (= guidance for the whole run)");
        }
        if (n == 0) {
            arm.put("kind", ArmKind.BASELINE.jsonName());
            for (String f : List.of("guideTrainSteps", "guideModel", "guidanceSteps", "noiseGuide", "noisePrephaseSteps",
                    "taskGuidance")) {
                arm.remove(f);
            }
        } else if (n == steps) {
            arm.remove("guidanceSteps");
        } else {
            arm.put("guidanceSteps", n);
        }
    }

    private static ObjectNode obj(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    /** Every setting of {@code spec} a sweep can vary, with its current value, in file order. */
    public static List<Setting> settable(ExperimentSpec spec) {
        ObjectNode tree = ExperimentJson.tree(spec);
        List<Setting> out = new ArrayList<>();
        TRAINING.forEach((f, s) -> out.add(s.withPath(f.equals("seed") ? "seed" : "training." + f)
                .withCurrent(tree.path("training").get(f))));
        for (JsonNode a : tree.path("arms")) {
            SettingPath p = new SettingPath("arms[" + a.path("name").asText() + "]", Scope.ARM, null,
                    List.of(a.path("name").asText()), WARMUP);
            ARM.forEach((f, s) -> {
                if (!f.equals(WARMUP) || p.applies((ObjectNode) a)) {
                    out.add(s.withPath("arms[" + a.path("name").asText() + "]." + f).withCurrent(a.get(f)));
                }
            });
        }
        for (String net : List.of("guide", "target")) {
            List<ObjectNode> layers = new ArrayList<>();
            collect(tree.path(net).path("layers"), layers);
            for (ObjectNode l : layers) {
                fields(l).forEach((f, s) -> out.add(s.withPath(net + ".layers[" + l.path("name").asText() + "]." + f)
                        .withCurrent(l.get(f))));
            }
        }
        out.add(Setting.of("pairing", SettingType.PAIRING, "how guide taps are paired with target taps")
                .withCurrent(tree.get("pairing")));
        List<String> params = new ArrayList<>(spec.dataset().params().keySet());
        try {
            DatasetFactory.parameters(spec.dataset().name()).forEach(p -> {
                if (!params.contains(p.name())) {
                    params.add(p.name());
                }
            });
        } catch (DataFormatException e) {
            // an unknown dataset: only the parameters the experiment sets
        }
        for (String p : params) {
            try {
                out.add(datasetSetting(spec, p).withCurrent(tree.path("dataset").path("params").get(p)));
            } catch (PathProblem e) {
                // not reachable: p is known
            }
        }
        return out;
    }

    /** A path that cannot be resolved or applied, in words. */
    public static final class PathProblem extends Exception {
        public PathProblem(String message) {
            super(message);
        }
    }
}
