package org.guidancelab.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which data an experiment trains on: a dataset name (a built-in generator such as {@code shapes}, {@code copy},
 * {@code parity}, {@code spirals}, or a reader such as {@code mnist-idx}, {@code cifar10}, {@code csv}) and its
 * parameters (sizes, seed, paths) as plain JSON values.
 */
public record DatasetSpec(String name, Map<String, Object> params) {
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public int intParam(String key, int dflt) {
        Object v = params.get(key);
        return v instanceof Number n ? n.intValue() : dflt;
    }

    public double doubleParam(String key, double dflt) {
        Object v = params.get(key);
        return v instanceof Number n ? n.doubleValue() : dflt;
    }

    public String stringParam(String key, String dflt) {
        Object v = params.get(key);
        return v == null ? dflt : v.toString();
    }

    public DatasetSpec withParam(String key, Object value) {
        Map<String, Object> m = new TreeMap<>(params);
        m.put(key, value);
        return new DatasetSpec(name, m);
    }
}
