package org.guidancelab.arch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object with typed accessors whose errors carry the file, line and JSON path
 * ("units: expected a whole number, got \"ten\""). It remembers every field asked for, so {@link #finish()} can
 * reject fields nobody reads (typos) and suggest the closest known name.
 */
public final class JsonObjectReader {
    private final LocatedJson source;
    private final ObjectNode node;
    private final String path;
    private final String what;
    private final Set<String> known = new LinkedHashSet<>();

    JsonObjectReader(LocatedJson source, ObjectNode node, String path, String what) {
        this.source = source;
        this.node = node;
        this.path = path;
        this.what = what;
    }

    public String path() {
        return path;
    }

    /** Renames what this object is, for messages ("a Dense layer"). */
    public JsonObjectReader as(String newWhat) {
        JsonObjectReader r = new JsonObjectReader(source, node, path, newWhat);
        r.known.addAll(known);
        return r;
    }

    public boolean has(String field) {
        known.add(field);
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** An error about {@code field} of this object (empty field: the object itself), located in the file. */
    public JsonSpecException error(String field, String problem) {
        String p = field.isEmpty() ? path : path + "." + field;
        return new JsonSpecException(source.file(), source.lineOf(p), p, problem);
    }

    private JsonNode required(String field) throws JsonSpecException {
        known.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            List<String> present = new ArrayList<>();
            node.fieldNames().forEachRemaining(present::add);
            present.removeAll(known);
            String typo = Spelling.closest(field, present);
            String hint = typo == null ? "" : " (is \"" + typo + "\" a misspelling of it?)";
            throw error("", "missing field \"" + field + "\": " + what + " needs it" + hint);
        }
        return v;
    }

    public int requiredInt(String field, int min) throws JsonSpecException {
        return toInt(field, required(field), min);
    }

    public int optInt(String field, int dflt, int min) throws JsonSpecException {
        return has(field) ? toInt(field, node.get(field), min) : dflt;
    }

    public long optLong(String field, long dflt) throws JsonSpecException {
        if (!has(field)) {
            return dflt;
        }
        JsonNode v = node.get(field);
        if (!isWhole(v) || !v.canConvertToLong()) {
            throw error(field, field + ": expected a whole number, got " + describe(v));
        }
        return v.asLong();
    }

    private int toInt(String field, JsonNode v, int min) throws JsonSpecException {
        if (!isWhole(v)) {
            throw error(field, field + ": expected a whole number, got " + describe(v));
        }
        if (!v.canConvertToInt()) {
            throw error(field, field + ": " + v.asText() + " is too large");
        }
        int i = v.asInt();
        if (i < min) {
            throw error(field, field + " must be at least " + min + ", got " + i);
        }
        return i;
    }

    private static boolean isWhole(JsonNode v) {
        return v.isIntegralNumber() || (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble())
                && !Double.isInfinite(v.asDouble()));
    }

    public double requiredDouble(String field) throws JsonSpecException {
        return toDouble(field, required(field));
    }

    public double optDouble(String field, double dflt) throws JsonSpecException {
        return has(field) ? toDouble(field, node.get(field)) : dflt;
    }

    private double toDouble(String field, JsonNode v) throws JsonSpecException {
        if (!v.isNumber()) {
            throw error(field, field + ": expected a number, got " + describe(v));
        }
        return v.asDouble();
    }

    public boolean optBoolean(String field, boolean dflt) throws JsonSpecException {
        if (!has(field)) {
            return dflt;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw error(field, field + ": expected true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    public String requiredString(String field) throws JsonSpecException {
        return toText(field, required(field));
    }

    public String optString(String field, String dflt) throws JsonSpecException {
        return has(field) ? toText(field, node.get(field)) : dflt;
    }

    private String toText(String field, JsonNode v) throws JsonSpecException {
        if (!v.isTextual()) {
            throw error(field, field + ": expected a text in quotes, got " + describe(v));
        }
        return v.asText();
    }

    /** An enum written by its JSON name; the error lists the allowed names. */
    public <E> E optEnum(String field, E dflt, Function<String, E> parse, List<String> names) throws JsonSpecException {
        if (!has(field)) {
            return dflt;
        }
        String s = toText(field, node.get(field));
        E e = parse.apply(s);
        if (e == null) {
            throw error(field, field + ": unknown value \"" + s + "\"; expected one of " + String.join(", ", names));
        }
        return e;
    }

    public List<Integer> requiredIntList(String field, int min) throws JsonSpecException {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw error(field, field + ": expected a list of whole numbers such as [1, 28, 28], got " + describe(v));
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(toInt(field + "[" + i + "]", v.get(i), min));
        }
        return out;
    }

    public JsonObjectReader requiredObject(String field, String childWhat) throws JsonSpecException {
        return toObject(field, required(field), childWhat);
    }

    public JsonObjectReader optObject(String field, String childWhat) throws JsonSpecException {
        return has(field) ? toObject(field, node.get(field), childWhat) : null;
    }

    private JsonObjectReader toObject(String field, JsonNode v, String childWhat) throws JsonSpecException {
        if (!v.isObject()) {
            throw error(field, field + ": expected an object { ... }, got " + describe(v));
        }
        return new JsonObjectReader(source, (ObjectNode) v, path + "." + field, childWhat);
    }

    /** The elements of a list of objects. */
    public List<JsonObjectReader> objectList(String field, boolean required, String elementWhat) throws JsonSpecException {
        if (!required && !has(field)) {
            return List.of();
        }
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw error(field, field + ": expected a list [ ... ], got " + describe(v));
        }
        List<JsonObjectReader> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = field + "[" + i + "]";
            if (!e.isObject()) {
                throw error(p, p + ": expected an object { ... }, got " + describe(e));
            }
            out.add(new JsonObjectReader(source, (ObjectNode) e, path + "." + p, elementWhat));
        }
        return out;
    }

    /** The raw value of a field for free-form content (dataset parameters), or null. */
    public JsonNode raw(String field) {
        known.add(field);
        return node.get(field);
    }

    /** Rejects any field that was not asked for, naming the closest known one. */
    public void finish() throws JsonSpecException {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!known.contains(f)) {
                String closest = Spelling.closest(f, known);
                String hint = closest == null ? "" : ": did you mean \"" + closest + "\"?";
                throw error(f, "unknown field \"" + f + "\" in " + what + hint + " (known fields: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    /** A value as a student would recognise it in the file: "\"ten\"", "12.5", "a list", "an object". */
    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "\"" + v.asText() + "\"";
        }
        if (v.isArray()) {
            return "a list " + abbreviate(v.toString());
        }
        if (v.isObject()) {
            return "an object " + abbreviate(v.toString());
        }
        return v.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
