package org.guidancelab.ui.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * Values entered into fields that are not in force because their edit was refused, at most one per field, in the
 * order they were entered. Each is a problem of the experiment until its field is fixed or reverted, so what the
 * builder shows is what runs.
 */
final class FieldRejections {
    /** A refused value, the edit that refused it and why. */
    private record Rejection(Object value, String message, FieldEdit edit) {
    }

    private final Map<FieldKey, Rejection> byField = new LinkedHashMap<>();

    Optional<Object> value(FieldKey key) {
        return Optional.ofNullable(byField.get(key)).map(Rejection::value);
    }

    void put(FieldKey key, Object value, String message, FieldEdit edit) {
        byField.put(key, new Rejection(value, message, edit));
    }

    void remove(FieldKey key) {
        byField.remove(key);
    }

    void clear() {
        byField.clear();
    }

    List<FieldKey> fields() {
        return List.copyOf(byField.keySet());
    }

    /**
     * Tries every refused value again on the changed experiment: the reason may have changed (a block moved, so
     * its index in the message did) or gone (a kernel that fits the new input); a value no longer refused, or whose
     * layer is gone, is dropped and its field shows the value in force again.
     */
    void recheck(ExperimentSpec spec) {
        Iterator<Map.Entry<FieldKey, Rejection>> it = byField.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<FieldKey, Rejection> e = it.next();
            Rejection r = e.getValue();
            if (e.getKey().isLayerField() && e.getKey().block(spec).isEmpty()) {
                it.remove();
                continue;
            }
            try {
                r.edit().apply(spec, r.value());
                it.remove();
            } catch (IllegalArgumentException refused) {
                e.setValue(new Rejection(r.value(), refused.getMessage(), r.edit()));
            }
        }
    }

    /** One problem per refused value; a layer field's message already names its lane, layer and field. */
    List<Problem> problems(ExperimentSpec spec) {
        List<Problem> out = new ArrayList<>();
        for (Map.Entry<FieldKey, Rejection> e : byField.entrySet()) {
            FieldKey key = e.getKey();
            String message = e.getValue().message();
            Optional<BlockRef> block = key.block(spec);
            out.add(block.isPresent()
                    ? new Problem(key.lane(), block.get().index(), "", message, key)
                    : new Problem(null, -1, key.owner(), message, key));
        }
        return out;
    }
}
