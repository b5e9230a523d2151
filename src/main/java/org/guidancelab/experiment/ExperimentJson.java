package org.guidancelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ImportedGuide;
import org.guidancelab.arch.JsonObjectReader;
import org.guidancelab.arch.JsonSpecException;
import org.guidancelab.arch.LocatedJson;
import org.guidancelab.arch.NetworkJson;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.arch.SpecJson;

/**
 * Experiment files (presets, run folders):
 * <pre>
 * { "schemaVersion": 1, "title": "...", "description": "...",
 *   "dataset": {"name": "shapes", "params": {"train": 2000, "seed": 1}},
 *   "guide":  {"name": "small-cnn", "layers": [ ... ]},
 *         or {"name": "my-cnn", "file": "guides/my-cnn.h5", "taps": ["conv1", "conv2"]}  (a guide trained elsewhere,
 *            the file relative to the experiment file's folder; see {@link ImportedGuide})
 *   "target": {"name": "deep-fcn",  "layers": [ ... ]},
 *   "training": {"alpha": 1.0, "optimizer": "adam", "learningRate": 0.001, "batchSize": 128, "steps": 1000, ...},
 *   "arms": [ {"name": "baseline", "kind": "baseline"}, {"name": "guided", "kind": "guided-untrained"} ],
 *   "pairing": {"mode": "rule"}  or  {"mode": "manual", "pairs": [{"guide": "c1", "target": "fc1"}]} }
 * </pre>
 * Omitted training fields take {@link TrainingSpec#defaults()}; omitted arm fields the values of
 * {@link ArmSpec#baseline}; omitted pairing is the paper's rule. Ranges of hyper-parameters are checked by
 * {@link ExperimentValidator}, not here: this codec reports what cannot be read at all.
 */
public final class ExperimentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> ARM_KINDS = Arrays.stream(ArmKind.values()).map(ArmKind::jsonName).toList();
    private static final List<String> OPTIMIZERS = Arrays.stream(OptimizerKind.values()).map(OptimizerKind::jsonName).toList();
    private static final ArmSpec ARM_DEFAULTS = ArmSpec.baseline("defaults");

    private ExperimentJson() {
    }

    public static ExperimentSpec read(Path file) throws IOException, SpecFormatException {
        return readLocated(file).spec();
    }

    public static ExperimentSpec parse(String json, String fileLabel) throws SpecFormatException {
        return parseLocated(json, fileLabel).spec();
    }

    /** Reads a file keeping the location of every value (for "file:line" in later messages). */
    public static ParsedExperiment readLocated(Path file) throws IOException, SpecFormatException {
        return parseLocated(Files.readString(file, StandardCharsets.UTF_8), file.toString(), folderOf(file));
    }

    public static ParsedExperiment parseLocated(String json, String fileLabel) throws SpecFormatException {
        return parseLocated(json, fileLabel, null);
    }

    /**
     * Parses an experiment whose imported guide file (if any) is relative to {@code base} (the experiment file's
     * folder; null: the working directory).
     */
    public static ParsedExperiment parseLocated(String json, String fileLabel, Path base) throws SpecFormatException {
        try {
            LocatedJson located = LocatedJson.parse(json, fileLabel);
            JsonObjectReader top = located.rootReader().as("an experiment file");
            SpecJson.checkVersion(top);
            ExperimentSpec spec = readExperiment(top, base);
            top.finish();
            return new ParsedExperiment(spec, located);
        } catch (JsonSpecException e) {
            throw SpecFormatException.of(e);
        }
    }

    /**
     * Reads an experiment written inline in another file (a sweep's base experiment), so every problem is located in
     * that file ("sweep.json:14 at $.base.experiment.training.alpha"). {@code schemaVersion} is optional there: the
     * enclosing file carries its own.
     */
    public static ExperimentSpec readInline(JsonObjectReader r) throws SpecFormatException {
        try {
            if (r.has(SpecJson.VERSION_FIELD)) {
                SpecJson.checkVersion(r);
            }
            ExperimentSpec spec = readExperiment(r, null);
            r.finish();
            return spec;
        } catch (JsonSpecException e) {
            throw SpecFormatException.of(e);
        }
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent;
    }

    private static ExperimentSpec readExperiment(JsonObjectReader top, Path base) throws JsonSpecException {
        String title = top.optString("title", "");
        String description = top.optString("description", "");
        DatasetSpec dataset = readDataset(top.requiredObject("dataset", "the dataset"));
        NetworkSpec guide = readGuide(top.requiredObject("guide", "the guide network"), base);
        NetworkSpec target = readNetwork(top.requiredObject("target", "the target network"));
        JsonObjectReader t = top.optObject("training", "the training settings");
        TrainingSpec training = t == null ? TrainingSpec.defaults() : readTraining(t);
        List<ArmSpec> arms = new ArrayList<>();
        for (JsonObjectReader a : top.objectList("arms", true, "an arm")) {
            arms.add(readArm(a));
        }
        JsonObjectReader p = top.optObject("pairing", "the pairing");
        Pairing pairing = p == null ? Pairing.rule() : readPairing(p);
        return new ExperimentSpec(title, description, guide, target, dataset, arms, training, pairing);
    }

    /** The guide: built from the lab's layers, or {"name", "file", "taps"} for one trained elsewhere. */
    private static NetworkSpec readGuide(JsonObjectReader r, Path base) throws JsonSpecException {
        if (!r.has("file")) {
            return readNetwork(r);
        }
        String name = r.optString("name", "");
        String file = r.requiredString("file");
        if (file.isBlank()) {
            throw r.error("file", "file: the guide's model file (a Keras .h5 or a DeepLearning4J .zip) is empty");
        }
        if (r.has("layers")) {
            throw r.error("layers", "a guide read from a file (\"file\") has no \"layers\" of its own: remove one of them");
        }
        List<String> taps = new ArrayList<>();
        JsonNode t = r.raw("taps");
        if (t != null && !t.isNull()) {
            if (!t.isArray()) {
                throw r.error("taps", "taps: expected a list of the file's layer names, got " + t);
            }
            for (int i = 0; i < t.size(); i++) {
                if (!t.get(i).isTextual() || t.get(i).textValue().isBlank()) {
                    throw r.error("taps[" + i + "]", "taps[" + i + "]: expected a layer name, got " + t.get(i));
                }
                taps.add(t.get(i).textValue());
            }
        }
        r.finish();
        return NetworkSpec.imported(name, new ImportedGuide(file, taps, base));
    }

    private static NetworkSpec readNetwork(JsonObjectReader r) throws JsonSpecException {
        NetworkSpec n = NetworkJson.readNetwork(r);
        r.finish();
        return n;
    }

    private static DatasetSpec readDataset(JsonObjectReader r) throws JsonSpecException {
        String name = r.requiredString("name");
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = r.raw("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw r.error("params", "params: expected an object {\"name\": value, ...}, got " + p);
            }
            Iterator<Map.Entry<String, JsonNode>> it = p.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), plain(e.getValue()));
            }
        }
        r.finish();
        return new DatasetSpec(name, params);
    }

    /** A JSON value as a plain Java value: Integer (Long when large), Double, Boolean, String, List, Map. */
    private static Object plain(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
        } else if (v.isNumber()) {
            return v.doubleValue();
        } else if (v.isBoolean()) {
            return v.booleanValue();
        } else if (v.isTextual()) {
            return v.textValue();
        } else if (v.isArray()) {
            List<Object> l = new ArrayList<>();
            v.forEach(e -> l.add(plain(e)));
            return l;
        } else if (v.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        return null;
    }

    private static TrainingSpec readTraining(JsonObjectReader r) throws JsonSpecException {
        TrainingSpec d = TrainingSpec.defaults();
        int any = Integer.MIN_VALUE; // ranges are the validator's job: it reports them with the JSON path
        TrainingSpec t = new TrainingSpec(
                r.optDouble("alpha", d.alpha()),
                r.optEnum("optimizer", d.optimizer(), OptimizerKind::parse, OPTIMIZERS),
                r.optDouble("learningRate", d.learningRate()),
                r.optDouble("momentum", d.momentum()),
                r.optDouble("weightDecay", d.weightDecay()),
                r.optDouble("gradClip", d.gradClip()),
                r.optInt("batchSize", d.batchSize(), any),
                r.optInt("steps", d.steps(), any),
                r.optInt("evalInterval", d.evalInterval(), any),
                r.optInt("checkpointInterval", d.checkpointInterval(), any),
                r.optLong("seed", d.seed()));
        r.finish();
        return t;
    }

    private static ArmSpec readArm(JsonObjectReader r) throws JsonSpecException {
        String name = r.requiredString("name");
        if (!r.has("kind")) {
            r.requiredString("kind");
        }
        ArmKind kind = r.optEnum("kind", null, ArmKind::parse, ARM_KINDS);
        int any = Integer.MIN_VALUE;
        ArmSpec a = new ArmSpec(name, kind,
                r.optInt("guideTrainSteps", ARM_DEFAULTS.guideTrainSteps(), any),
                r.optString("guideModel", ARM_DEFAULTS.guideModel()),
                r.optInt("guidanceSteps", ARM_DEFAULTS.guidanceSteps(), any),
                r.optBoolean("noiseGuide", ARM_DEFAULTS.noiseGuide()),
                r.optInt("noisePrephaseSteps", ARM_DEFAULTS.noisePrephaseSteps(), any),
                r.optDouble("distillTemperature", ARM_DEFAULTS.distillTemperature()),
                r.optDouble("distillWeight", ARM_DEFAULTS.distillWeight()),
                r.optBoolean("taskGuidance", ARM_DEFAULTS.taskGuidance()));
        r.finish();
        return a;
    }

    private static Pairing readPairing(JsonObjectReader r) throws JsonSpecException {
        Pairing.Mode mode = r.optEnum("mode", Pairing.Mode.RULE, ExperimentJson::pairingMode, List.of("rule", "manual"));
        List<TapPair> pairs = new ArrayList<>();
        for (JsonObjectReader p : r.objectList("pairs", mode == Pairing.Mode.MANUAL, "a tap pair")) {
            pairs.add(new TapPair(p.requiredString("guide"), p.requiredString("target")));
            p.finish();
        }
        if (mode == Pairing.Mode.RULE && !pairs.isEmpty()) {
            throw r.error("pairs", "pairs are only used with \"mode\": \"manual\"; remove them or set the mode to manual");
        }
        r.finish();
        return new Pairing(mode, pairs);
    }

    private static Pairing.Mode pairingMode(String s) {
        for (Pairing.Mode m : Pairing.Mode.values()) {
            if (m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        return null;
    }

    public static String write(ExperimentSpec spec) {
        return SpecJson.print(tree(spec));
    }

    /** The experiment as the JSON tree {@link #write} prints (a fresh tree: callers may change it). */
    public static ObjectNode tree(ExperimentSpec spec) {
        ObjectNode o = SpecJson.newObject();
        o.put(SpecJson.VERSION_FIELD, SpecJson.SCHEMA_VERSION);
        o.put("title", spec.title());
        o.put("description", spec.description());
        ObjectNode ds = o.putObject("dataset");
        ds.put("name", spec.dataset().name());
        ds.set("params", MAPPER.valueToTree(spec.dataset().params()));
        o.set("guide", spec.guide().isImported() ? importedTree(spec.guide()) : NetworkJson.toTree(spec.guide()));
        o.set("target", NetworkJson.toTree(spec.target()));
        o.set("training", trainingTree(spec.training()));
        ArrayNode arms = o.putArray("arms");
        spec.arms().forEach(a -> arms.add(armTree(a)));
        ObjectNode p = o.putObject("pairing");
        p.put("mode", spec.pairing().mode().name().toLowerCase(java.util.Locale.ROOT));
        if (spec.pairing().mode() == Pairing.Mode.MANUAL) {
            ArrayNode pairs = p.putArray("pairs");
            for (TapPair tp : spec.pairing().pairs()) {
                pairs.addObject().put("guide", tp.guideTap()).put("target", tp.targetTap());
            }
        }
        return o;
    }

    private static ObjectNode trainingTree(TrainingSpec t) {
        ObjectNode o = SpecJson.newObject();
        o.put("alpha", t.alpha());
        o.put("optimizer", t.optimizer().jsonName());
        o.put("learningRate", t.learningRate());
        o.put("momentum", t.momentum());
        o.put("weightDecay", t.weightDecay());
        o.put("gradClip", t.gradClip());
        o.put("batchSize", t.batchSize());
        o.put("steps", t.steps());
        o.put("evalInterval", t.evalInterval());
        o.put("checkpointInterval", t.checkpointInterval());
        o.put("seed", t.seed());
        return o;
    }

    private static ObjectNode armTree(ArmSpec a) {
        ObjectNode o = SpecJson.newObject();
        o.put("name", a.name());
        o.put("kind", a.kind().jsonName());
        if (a.guideTrainSteps() != ARM_DEFAULTS.guideTrainSteps()) {
            o.put("guideTrainSteps", a.guideTrainSteps());
        }
        if (a.guideModel() != null) {
            o.put("guideModel", a.guideModel());
        }
        if (a.guidanceSteps() != ARM_DEFAULTS.guidanceSteps()) {
            o.put("guidanceSteps", a.guidanceSteps());
        }
        if (a.noiseGuide()) {
            o.put("noiseGuide", true);
        }
        if (a.noisePrephaseSteps() != ARM_DEFAULTS.noisePrephaseSteps()) {
            o.put("noisePrephaseSteps", a.noisePrephaseSteps());
        }
        if (a.distillTemperature() != ARM_DEFAULTS.distillTemperature()) {
            o.put("distillTemperature", a.distillTemperature());
        }
        if (a.distillWeight() != ARM_DEFAULTS.distillWeight()) {
            o.put("distillWeight", a.distillWeight());
        }
        if (!a.taskGuidance()) {
            o.put("taskGuidance", false);
        }
        return o;
    }

    private static ObjectNode importedTree(NetworkSpec guide) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", guide.name());
        o.put("file", guide.imported().file());
        ArrayNode taps = o.putArray("taps");
        guide.imported().taps().forEach(taps::add);
        return o;
    }
}
