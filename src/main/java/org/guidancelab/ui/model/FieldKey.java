package org.guidancelab.ui.model;

import java.util.Objects;
import java.util.Optional;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * Which field of the builder a value belongs to: a field of a layer, known by its lane and layer name (so moving
 * the block keeps it), or an experiment setting in a section of the settings panel.
 *
 * @param lane  the layer's lane, or null for a setting
 * @param owner the layer's name, or the setting's section ({@link #DATA}, {@link #TRAINING}, {@link #ARMS})
 * @param field the field's name ("units", "steps")
 */
public record FieldKey(Lane lane, String owner, String field) {
    public static final String DATA = "Data";
    public static final String TRAINING = "Training";
    public static final String ARMS = "Arms";

    public FieldKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(field, "field");
    }

    public static FieldKey layer(Lane lane, String layerName, String field) {
        return new FieldKey(Objects.requireNonNull(lane, "lane"), layerName, field);
    }

    public static FieldKey setting(String section, String field) {
        return new FieldKey(null, section, field);
    }

    public boolean isLayerField() {
        return lane != null;
    }

    /** The block this layer field belongs to in {@code spec}; empty for a setting or once the layer is gone. */
    public Optional<BlockRef> block(ExperimentSpec spec) {
        if (lane == null) {
            return Optional.empty();
        }
        int index = lane.network(spec).indexOf(owner);
        return index < 0 ? Optional.empty() : Optional.of(new BlockRef(lane, index));
    }
}
