package org.guidancelab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.guidancelab.arch.JsonObjectReader;
import org.guidancelab.arch.JsonSpecException;
import org.guidancelab.arch.LocatedJson;
import org.guidancelab.arch.SpecJson;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.SpecFormatException;

/**
 * Sweep files, versioned and located like experiment files (every problem says file:line and JSON path):
 * <pre>
 * { "schemaVersion": 1, "title": "...", "description": "...",
 *   "base": {"preset": "teaching-demo", "arms": ["guided"]},      or {"file": "x.json"} or {"experiment": { ... }}
 *   "set":  {"training.evalInterval": 25},                          settings every cell takes (optional)
 *   "axes": [
 *     {"name": "warmup", "path": "arms[guided].warmup", "values": [0, 25, 50, 100, 150, 200, 300]},
 *     {"path": "training.alpha", "range": {"from": 0.1, "to": 10, "count": 5, "scale": "log"}}
 *   ],
 *   "seeds": 3,                                                      or a list [1, 2, 5]; seed k trains with the
 *                                                                    base's training.seed + k - 1
 *   "metric": "final_val_acc" }                                      what the figures draw (optional)
 * </pre>
 * A listed value may carry a label for cell ids: {@code {"label": "first-last", "value": {...}}} (required for object
 * values such as a manual pairing). What the settings mean for the base experiment is checked by {@link SweepPlan}.
 */
public final class SweepJson {
    /** The schema version of sweep files this code reads and writes. */
    public static final int SCHEMA_VERSION = SpecJson.SCHEMA_VERSION;
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    /** Names an axis may not take: they are columns of summary.csv. */
    static final Set<String> RESERVED = Set.of("seed", "cell", "arm", "folder", "status");

    private SweepJson() {
    }

    public static SweepFile read(Path file) throws IOException, SpecFormatException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), file);
    }

    /**
     * @param label the file's name in messages
     * @param file  where a base {"file": ...} is looked for (its folder); null: the working directory
     */
    public static SweepFile parse(String json, String label, Path file) throws SpecFormatException {
        try {
            LocatedJson located = LocatedJson.parse(json, label);
            JsonObjectReader top = located.rootReader().as("a sweep file");
            SpecJson.checkVersion(top);
            String title = top.optString("title", "");
            String description = top.optString("description", "");
            SweepFile.Base base = base(top.requiredObject("base", "the base experiment"));
            List<SweepFile.Fixed> set = fixed(top);
            List<SweepFile.AxisDecl> axes = new ArrayList<>();
            List<JsonObjectReader> axisReaders = top.objectList("axes", true, "an axis");
            if (axisReaders.isEmpty()) {
                throw top.error("axes", "a sweep needs at least one axis, e.g. {\"path\": \"training.alpha\", "
                        + "\"values\": [0.3, 1, 3]}");
            }
            Set<String> names = new HashSet<>();
            Set<String> paths = new HashSet<>();
            for (int i = 0; i < axisReaders.size(); i++) {
                SweepFile.AxisDecl a = axis(axisReaders.get(i), i);
                if (!names.add(a.name())) {
                    throw axisReaders.get(i).error(axisReaders.get(i).has("name") ? "name" : "path", "two axes are called '"
                            + a.name() + "': give each a distinct \"name\"");
                }
                if (!paths.add(SettingPath.parse(a.path()).text())) {
                    throw axisReaders.get(i).error("path", "two axes vary " + a.path() + ": put all its values on one axis");
                }
                axes.add(a);
            }
            List<Integer> seeds = seeds(top);
            String metric = top.optString("metric", SweepSummary.DEFAULT_METRIC);
            if (!SweepSummary.METRICS.contains(metric)) {
                throw top.error("metric", "metric: unknown \"" + metric + "\"; expected one of "
                        + String.join(", ", SweepSummary.METRICS));
            }
            top.finish();
            return new SweepFile(title, description, base, set, axes, seeds, metric, file, json, located);
        } catch (SettingPath.PathProblem e) {
            throw new IllegalStateException(e); // paths were parsed once already in axis(); not reached
        } catch (JsonSpecException e) {
            throw SpecFormatException.of(e);
        }
    }

    private static SweepFile.Base base(JsonObjectReader r) throws JsonSpecException {
        int given = (r.has("preset") ? 1 : 0) + (r.has("file") ? 1 : 0) + (r.has("experiment") ? 1 : 0);
        if (given != 1) {
            throw r.error("", given == 0 ? "the base needs one of \"preset\" (a preset's name), \"file\" (an experiment "
                    + "file, relative to this one) or \"experiment\" (an experiment written here)"
                    : "the base takes only one of \"preset\", \"file\" and \"experiment\"");
        }
        List<String> arms = new ArrayList<>();
        JsonNode a = r.raw("arms");
        if (a != null && !a.isNull()) {
            if (!a.isArray() || a.isEmpty()) {
                throw r.error("arms", "arms: expected a list of arm names such as [\"guided\"], got " + a);
            }
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).isTextual() || a.get(i).asText().isBlank()) {
                    throw r.error("arms[" + i + "]", "arms[" + i + "]: expected an arm's name in quotes, got " + a.get(i));
                }
                arms.add(a.get(i).asText().trim());
            }
        }
        SweepFile.Base base;
        if (r.has("preset")) {
            base = new SweepFile.Base(SweepFile.BaseKind.PRESET, r.requiredString("preset").trim(), null, arms);
        } else if (r.has("file")) {
            base = new SweepFile.Base(SweepFile.BaseKind.FILE, r.requiredString("file").trim(), null, arms);
        } else {
            ExperimentSpec inline;
            try {
                inline = ExperimentJson.readInline(r.requiredObject("experiment", "the base experiment"));
            } catch (SpecFormatException e) {
                throw e;
            }
            base = new SweepFile.Base(SweepFile.BaseKind.INLINE, "", inline, arms);
        }
        r.finish();
        return base;
    }

    private static List<SweepFile.Fixed> fixed(JsonObjectReader top) throws JsonSpecException {
        List<SweepFile.Fixed> out = new ArrayList<>();
        JsonNode s = top.raw("set");
        if (s == null || s.isNull()) {
            return out;
        }
        if (!s.isObject()) {
            throw top.error("set", "set: expected an object {\"training.steps\": 300, ...}, got " + s);
        }
        Iterator<Map.Entry<String, JsonNode>> it = s.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                SettingPath.parse(e.getKey());
            } catch (SettingPath.PathProblem p) {
                throw top.error("set." + e.getKey(), p.getMessage());
            }
            out.add(new SweepFile.Fixed(e.getKey(), e.getValue(), top.path() + ".set." + e.getKey()));
        }
        return out;
    }

    private static SweepFile.AxisDecl axis(JsonObjectReader r, int index) throws JsonSpecException {
        String path = r.requiredString("path");
        SettingPath parsed;
        try {
            parsed = SettingPath.parse(path);
        } catch (SettingPath.PathProblem p) {
            throw r.error("path", p.getMessage());
        }
        String name = r.optString("name", parsed.field());
        if (!NAME.matcher(name).matches()) {
            throw r.error(r.has("name") ? "name" : "path", "the axis name '" + name + "' must start with a letter and "
                    + "hold only letters, digits, '_', '-' and '.' (it names a column and a part of each cell's id)");
        }
        if (RESERVED.contains(name) || SweepSummary.METRICS.contains(name)) {
            throw r.error(r.has("name") ? "name" : "path", "an axis cannot be called '" + name + "': summary.csv has a "
                    + "column of that name" + (name.equals("seed") ? "; seeds are an axis of their own: \"seeds\": 3" : ""));
        }
        boolean hasValues = r.has("values");
        boolean hasRange = r.has("range");
        if (hasValues == hasRange) {
            throw r.error("", "an axis needs either \"values\" (a list) or \"range\" ({\"from\": 0.1, \"to\": 10, "
                    + "\"count\": 5, \"scale\": \"log\"}), not " + (hasValues ? "both" : "neither"));
        }
        if (hasRange) {
            JsonObjectReader g = r.requiredObject("range", "a range");
            double from = g.requiredDouble("from");
            double to = g.requiredDouble("to");
            int count = g.requiredInt("count", 2);
            String scale = g.optString("scale", "linear").trim();
            if (!scale.equals("linear") && !scale.equals("log")) {
                throw g.error("scale", "scale: unknown \"" + scale + "\"; expected linear or log");
            }
            if (!Double.isFinite(from) || !Double.isFinite(to)) {
                throw g.error("", "a range needs finite numbers, got from " + from + " to " + to);
            }
            if (from == to) {
                throw g.error("to", "the range runs from " + Setting.num(from) + " to the same value: give two different "
                        + "ends, or list the value under \"values\"");
            }
            if (scale.equals("log") && (from <= 0 || to <= 0)) {
                throw g.error(from <= 0 ? "from" : "to", "a log range needs both ends above 0, got from "
                        + Setting.num(from) + " to " + Setting.num(to));
            }
            g.finish();
            r.finish();
            return new SweepFile.AxisDecl(name, path, List.of(), List.of(), new SweepFile.Range(from, to, count,
                    scale.equals("log")), r.path());
        }
        JsonNode v = r.raw("values");
        if (!v.isArray() || v.isEmpty()) {
            throw r.error("values", "values: expected a non-empty list such as [0.3, 1, 3], got " + v);
        }
        List<JsonNode> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (e.isObject() && e.has("label") && e.has("value") && e.size() == 2) {
                if (!e.get("label").isTextual() || !SweepPlan.ID_PART.matcher(e.get("label").asText()).matches()) {
                    throw r.error("values[" + i + "].label", "a label must be a text of letters, digits, '_', '-', '.' "
                            + "and '+' (it becomes part of each cell's id), got " + e.get("label"));
                }
                labels.add(e.get("label").asText());
                values.add(e.get("value"));
            } else {
                labels.add(null);
                values.add(e);
            }
        }
        r.finish();
        return new SweepFile.AxisDecl(name, path, values, labels, null, r.path());
    }

    private static List<Integer> seeds(JsonObjectReader top) throws JsonSpecException {
        JsonNode s = top.raw("seeds");
        if (s == null || s.isNull()) {
            return List.of(1);
        }
        if (s.isIntegralNumber()) {
            int n = top.optInt("seeds", 1, 1);
            List<Integer> out = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                out.add(k);
            }
            return out;
        }
        if (!s.isArray() || s.isEmpty()) {
            throw top.error("seeds", "seeds: expected a count such as 3, or a list of seed numbers such as [1, 2, 3], got "
                    + s);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            JsonNode e = s.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToInt() || e.asInt() < 1) {
                throw top.error("seeds[" + i + "]", "seeds[" + i + "]: a seed number is a whole number from 1, got " + e);
            }
            if (out.contains(e.asInt())) {
                throw top.error("seeds[" + i + "]", "seed " + e.asInt() + " appears twice");
            }
            out.add(e.asInt());
        }
        return out;
    }
}
