package org.guidancelab.ui.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.LayerSpec;

/**
 * One editable field of a layer record ("units" of a Dense, "kernel" of a Conv2D), found by reflection over the
 * record components so every layer type of {@code arch} is editable without a hand-written form per type. Setting
 * a value builds a new record through the canonical constructor: specs stay immutable.
 */
public final class LayerField {
    /** How a field is shown and parsed. */
    public enum Kind { TEXT, INT, DOUBLE, BOOL, ENUM, INT_LIST, BLOCK }

    private final RecordComponent component;
    private final Kind kind;

    private LayerField(RecordComponent component, Kind kind) {
        this.component = component;
        this.kind = kind;
    }

    /** The editable fields of {@code layer} in declaration order. */
    public static List<LayerField> of(LayerSpec layer) {
        List<LayerField> out = new ArrayList<>();
        for (RecordComponent c : layer.getClass().getRecordComponents()) {
            out.add(new LayerField(c, kindOf(c)));
        }
        return out;
    }

    /** The field called {@code name} of {@code layer}. */
    public static LayerField named(LayerSpec layer, String name) {
        for (LayerField f : of(layer)) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException(layer.type() + " has no field '" + name + "'");
    }

    private static Kind kindOf(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == String.class) {
            return Kind.TEXT;
        }
        if (t == int.class || t == long.class) {
            return Kind.INT;
        }
        if (t == double.class || t == float.class) {
            return Kind.DOUBLE;
        }
        if (t == boolean.class) {
            return Kind.BOOL;
        }
        if (t.isEnum()) {
            return Kind.ENUM;
        }
        if (t == List.class) {
            Type g = c.getGenericType();
            if (g instanceof ParameterizedType p && p.getActualTypeArguments()[0] == Integer.class) {
                return Kind.INT_LIST;
            }
            return Kind.BLOCK;
        }
        throw new IllegalStateException("unsupported layer field type " + t + " of " + c);
    }

    public String name() {
        return component.getName();
    }

    public Kind kind() {
        return kind;
    }

    public Class<?> type() {
        return component.getType();
    }

    public Object get(LayerSpec layer) {
        try {
            return component.getAccessor().invoke(layer);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + name() + " of " + layer, e);
        }
    }

    /** A copy of {@code layer} with this field set to {@code value} (already of the field's type). */
    public LayerSpec with(LayerSpec layer, Object value) {
        RecordComponent[] comps = layer.getClass().getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            args[i] = comps[i].getName().equals(name()) ? value : read(comps[i], layer);
        }
        try {
            return (LayerSpec) layer.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + layer.type() + " with " + name() + "=" + value, e);
        }
    }

    private static Object read(RecordComponent c, LayerSpec layer) {
        try {
            Method m = c.getAccessor();
            return m.invoke(layer);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /** The value as the property sheet shows it ("1, 28, 28" for shapes). */
    public String display(LayerSpec layer) {
        Object v = get(layer);
        if (kind == Kind.INT_LIST) {
            return FieldRules.joinInts(castInts(v));
        }
        if (kind == Kind.BLOCK && v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(((LayerSpec) o).type() + " " + ((LayerSpec) o).name());
            }
            return String.join(" -> ", parts);
        }
        return String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> castInts(Object v) {
        return (List<Integer>) v;
    }
}
