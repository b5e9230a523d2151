package org.guidancelab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Locale;

/**
 * One setting of an experiment that a sweep can vary: its path ({@code training.alpha}, {@code arms[guided].warmup},
 * {@code target.layers[fc1].units}), the type and valid range of its values, whether it is counted in training steps
 * (such settings scale with {@code sweep --steps}), what it means, and its value in the base experiment. A UI lists
 * these with {@link SettingPath#settable}.
 *
 * @param min          the smallest valid value (NaN: none); {@code minExclusive} when the value must be above it
 * @param max          the largest valid value (NaN: none); {@code maxExclusive} when the value must be below it
 * @param choices      the names a {@link SettingType#CHOICE} takes (empty otherwise)
 * @param inSteps      a count of training steps
 * @param current      the value in the experiment the setting was listed from (null: not set, a default applies)
 */
public record Setting(String path, SettingType type, double min, boolean minExclusive, double max,
                      boolean maxExclusive, List<String> choices, boolean inSteps, String description,
                      JsonNode current) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public Setting {
        choices = List.copyOf(choices);
    }

    static Setting of(String path, SettingType type, String description) {
        return new Setting(path, type, Double.NaN, false, Double.NaN, false, List.of(), false, description, null);
    }

    Setting atLeast(double m) {
        return new Setting(path, type, m, false, max, maxExclusive, choices, inSteps, description, current);
    }

    Setting above(double m) {
        return new Setting(path, type, m, true, max, maxExclusive, choices, inSteps, description, current);
    }

    Setting atMost(double m) {
        return new Setting(path, type, min, minExclusive, m, false, choices, inSteps, description, current);
    }

    Setting below(double m) {
        return new Setting(path, type, min, minExclusive, m, true, choices, inSteps, description, current);
    }

    Setting choices(List<String> names) {
        return new Setting(path, type, min, minExclusive, max, maxExclusive, names, inSteps, description, current);
    }

    Setting steps() {
        return new Setting(path, type, min, minExclusive, max, maxExclusive, choices, true, description, current);
    }

    Setting withPath(String p) {
        return new Setting(p, type, min, minExclusive, max, maxExclusive, choices, inSteps, description, current);
    }

    Setting withCurrent(JsonNode v) {
        return new Setting(path, type, min, minExclusive, max, maxExclusive, choices, inSteps, description, v);
    }

    /** "a whole number, at least 1", "a number above 0", "one of adam, adamw, sgd". */
    public String expects() {
        StringBuilder s = new StringBuilder(type.words());
        if (type == SettingType.CHOICE) {
            s.append(' ').append(String.join(", ", choices));
        }
        if (!Double.isNaN(min) && !Double.isNaN(max)) {
            s.append(" from ").append(num(min)).append(minExclusive ? " (excluded)" : "").append(" to ")
                    .append(num(max)).append(maxExclusive ? " (excluded)" : "");
        } else if (!Double.isNaN(min)) {
            s.append(minExclusive ? " above " : ", at least ").append(num(min));
        } else if (!Double.isNaN(max)) {
            s.append(maxExclusive ? " below " : ", at most ").append(num(max));
        }
        return s.toString();
    }

    /**
     * The value as this setting stores it (a whole number as an int node, a choice in its canonical spelling), or a
     * {@link ValueProblem} saying what is wrong with it.
     */
    public JsonNode accept(JsonNode value) throws ValueProblem {
        switch (type) {
            case INT: {
                if (value == null || !value.isNumber() || value.asDouble() != Math.rint(value.asDouble())
                        || Double.isInfinite(value.asDouble())) {
                    throw new ValueProblem(path + " expects " + expects() + ", got " + describe(value));
                }
                if (Math.abs(value.asDouble()) > Integer.MAX_VALUE) {
                    throw new ValueProblem(path + ": " + value.asText() + " is too large");
                }
                int i = (int) value.asDouble();
                range(i);
                return NODES.numberNode(i);
            }
            case NUMBER: {
                if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
                    throw new ValueProblem(path + " expects " + expects() + ", got " + describe(value));
                }
                range(value.asDouble());
                return NODES.numberNode(value.asDouble());
            }
            case BOOLEAN:
                if (value == null || !value.isBoolean()) {
                    throw new ValueProblem(path + " expects true or false, got " + describe(value));
                }
                return value;
            case CHOICE: {
                if (value == null || !value.isTextual()) {
                    throw new ValueProblem(path + " expects " + expects() + ", got " + describe(value));
                }
                for (String c : choices) {
                    if (c.equalsIgnoreCase(value.asText().trim())) {
                        return NODES.textNode(c);
                    }
                }
                throw new ValueProblem(path + ": unknown value " + describe(value) + "; expected one of "
                        + String.join(", ", choices));
            }
            case TEXT:
                if (value == null || !value.isTextual()) {
                    throw new ValueProblem(path + " expects a text in quotes, got " + describe(value));
                }
                return value;
            case PAIRING:
                if (value != null && value.isTextual() && value.asText().trim().equalsIgnoreCase("rule")) {
                    return NODES.textNode("rule");
                }
                if (value != null && value.isObject()) {
                    return value;
                }
                throw new ValueProblem(path + " expects " + expects() + ", got " + describe(value));
            default:
                throw new IllegalStateException("unknown setting type " + type);
        }
    }

    private void range(double v) throws ValueProblem {
        boolean low = !Double.isNaN(min) && (minExclusive ? v <= min : v < min);
        boolean high = !Double.isNaN(max) && (maxExclusive ? v >= max : v > max);
        if (low || high) {
            throw new ValueProblem(path + " expects " + expects() + ", got " + num(v));
        }
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mant = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mant + "e" + Integer.parseInt(parts[1]);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A value as its writer would recognise it: "\"high\"", "12.5", "a list [...]". */
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

    /** A value a setting cannot take, in words. */
    public static final class ValueProblem extends Exception {
        public ValueProblem(String message) {
            super(message);
        }
    }
}
