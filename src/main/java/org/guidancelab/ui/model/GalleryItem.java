package org.guidancelab.ui.model;

import java.util.Objects;
import org.guidancelab.experiment.ExperimentSpec;

/** An experiment preset of the gallery, parsed: its title, description, label (file) and experiment. */
public record GalleryItem(String title, String description, String label, ExperimentSpec experiment) {
    public GalleryItem {
        Objects.requireNonNull(experiment, "experiment");
        title = title == null || title.isEmpty() ? experiment.title() : title;
        description = description == null ? experiment.description() : description;
    }
}
