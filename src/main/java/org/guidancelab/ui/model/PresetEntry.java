package org.guidancelab.ui.model;

import java.nio.file.Path;
import java.util.Objects;
import org.guidancelab.experiment.ExperimentSpec;

/** An experiment preset of the gallery: where it lives and what it holds. */
public record PresetEntry(String title, String description, Path file, ExperimentSpec experiment) {
    public PresetEntry {
        Objects.requireNonNull(experiment, "experiment");
        title = title == null || title.isEmpty() ? experiment.title() : title;
        description = description == null ? experiment.description() : description;
    }
}
