package org.guidancelab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.guidancelab.arch.LayerSpec;

/**
 * Parses what a student types into a layer field and rejects values that can never be right (a negative number
 * of units, a dropout rate of 2), with a message saying why. Values that are wrong only in context (a kernel larger
 * than its input) are caught by shape inference instead, see {@link Edits#editField}.
 */
public final class FieldRules {
    /** Sizes that must be at least 1. */
    private static final Set<String> POSITIVE = Set.of("units", "filters", "kernel", "stride", "size", "classes",
            "dim", "maxLength", "heads", "dModel", "ffWidth");
    /** Fractions in [0, 1). */
    private static final Set<String> FRACTION = Set.of("rate", "dropout");

    private FieldRules() {
    }

    /**
     * The typed value for {@code field} of {@code layer} parsed from {@code raw} (a String from a text box, or
     * already a Boolean/enum/Number from a check box or choice).
     *
     * @throws IllegalArgumentException with a message for the student when the value is not acceptable
     */
    public static Object parse(LayerSpec layer, LayerField field, Object raw) {
        String name = field.name();
        switch (field.kind()) {
            case TEXT: {
                String s = raw == null ? "" : raw.toString().trim();
                if (s.isEmpty()) {
                    throw new IllegalArgumentException(name + " must not be empty");
                }
                if (!s.matches("[A-Za-z0-9_.\\-]+")) {
                    throw new IllegalArgumentException(name + " may use letters, digits, '_', '-' and '.' only (got \"" + s + "\")");
                }
                return s;
            }
            case INT: {
                long v = parseLong(name, raw);
                if (POSITIVE.contains(name) && v < 1) {
                    throw new IllegalArgumentException(name + " must be at least 1 (got " + v + ")");
                }
                if (v < 0) {
                    throw new IllegalArgumentException(name + " must not be negative (got " + v + ")");
                }
                if (v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(name + " is too large (got " + v + ")");
                }
                return field.type() == long.class ? (Object) v : (Object) (int) v;
            }
            case DOUBLE: {
                double v = parseDouble(name, raw);
                if (FRACTION.contains(name) && (v < 0 || v >= 1)) {
                    throw new IllegalArgumentException(name + " must be at least 0 and below 1 (got " + v + ")");
                }
                if ("momentum".equals(name) && (v < 0 || v > 1)) {
                    throw new IllegalArgumentException("momentum must be between 0 and 1 (got " + v + ")");
                }
                if ("epsilon".equals(name) && v <= 0) {
                    throw new IllegalArgumentException("epsilon must be above 0 (got " + v + ")");
                }
                return v;
            }
            case BOOL:
                if (raw instanceof Boolean b) {
                    return b;
                }
                return Boolean.parseBoolean(String.valueOf(raw));
            case ENUM:
                return parseEnum(field.type(), name, raw);
            case INT_LIST:
                return parseShape(name, raw);
            default:
                throw new IllegalArgumentException(name + " cannot be edited here");
        }
    }

    private static long parseLong(String name, Object raw) {
        if (raw instanceof Number n) {
            return n.longValue();
        }
        String s = String.valueOf(raw).trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number (got \"" + s + "\")");
        }
    }

    private static double parseDouble(String name, Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        String s = String.valueOf(raw).trim();
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number (got \"" + s + "\")");
        }
    }

    private static Object parseEnum(Class<?> type, String name, Object raw) {
        if (type.isInstance(raw)) {
            return raw;
        }
        String s = String.valueOf(raw).trim();
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equalsIgnoreCase(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException(name + " must be one of " + List.of(type.getEnumConstants()) + " (got \"" + s + "\")");
    }

    /** "1, 28, 28" or "[1,28,28]" -> [1, 28, 28]; every size at least 1. */
    public static List<Integer> parseShape(String name, Object raw) {
        String s = String.valueOf(raw).replace("[", "").replace("]", "").trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one size, e.g. 1, 28, 28");
        }
        List<Integer> out = new ArrayList<>();
        for (String part : s.split("[,x ]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int v;
            try {
                v = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be sizes separated by commas, e.g. 1, 28, 28 (got \"" + s + "\")");
            }
            if (v < 1) {
                throw new IllegalArgumentException(name + " sizes must be at least 1 (got " + v + ")");
            }
            out.add(v);
        }
        return out;
    }

    public static String joinInts(List<Integer> xs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < xs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(xs.get(i));
        }
        return sb.toString();
    }
}
