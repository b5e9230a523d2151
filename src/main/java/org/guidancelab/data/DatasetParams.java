package org.guidancelab.data;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Typed, checked access to a dataset's parameter map (plain JSON values: numbers, booleans, strings). Every error
 * names the dataset and the parameter; unknown keys are rejected with the list of known ones, because a typo such
 * as {@code "trian": 500} would otherwise silently fall back to the default.
 */
final class DatasetParams {
    private final String dataset;
    private final Map<String, Object> values;

    DatasetParams(String dataset, Map<String, Object> values) {
        this.dataset = dataset;
        this.values = values == null ? Map.of() : new TreeMap<>(values);
    }

    String dataset() {
        return dataset;
    }

    /** Throws if a key is not in {@code known}. */
    void requireOnly(Collection<String> known) throws DataFormatException {
        Set<String> allowed = new LinkedHashSet<>(known);
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new DataFormatException("dataset '" + dataset + "': unknown parameter '" + key
                        + "'; known parameters: " + String.join(", ", allowed));
            }
        }
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    int intParam(String key, int dflt, int min, int max) throws DataFormatException {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        double d = number(key, v);
        if (d != Math.rint(d)) {
            throw bad(key, v, "a whole number");
        }
        if (d < min || d > max) {
            throw bad(key, v, "between " + min + " and " + max);
        }
        return (int) d;
    }

    long longParam(String key, long dflt) throws DataFormatException {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger big) {
            // JSON readers hand over seeds beyond the long range as BigInteger; a double would round them.
            try {
                return big.longValueExact();
            } catch (ArithmeticException e) {
                throw bad(key, v, "a whole number within 64 bits");
            }
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw bad(key, v, "a whole number");
            }
        }
        double d = number(key, v);
        if (d != Math.rint(d)) {
            throw bad(key, v, "a whole number");
        }
        return (long) d;
    }

    double doubleParam(String key, double dflt, double min, double max) throws DataFormatException {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        double d = number(key, v);
        if (!(d >= min && d <= max)) {
            throw bad(key, v, "between " + min + " and " + max);
        }
        return d;
    }

    boolean boolParam(String key, boolean dflt) throws DataFormatException {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw bad(key, v, "true or false");
    }

    String stringParam(String key, String dflt) {
        Object v = values.get(key);
        return v == null ? dflt : v.toString();
    }

    String requiredString(String key) throws DataFormatException {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new DataFormatException("dataset '" + dataset + "': parameter '" + key + "' is required");
        }
        return v.toString();
    }

    private double number(String key, Object v) throws DataFormatException {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw bad(key, v, "a number");
            }
        }
        throw bad(key, v, "a number");
    }

    DataFormatException bad(String key, Object v, String expected) {
        return new DataFormatException("dataset '" + dataset + "': parameter '" + key + "' = " + quote(v)
                + " must be " + expected);
    }

    private static String quote(Object v) {
        return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    }
}
