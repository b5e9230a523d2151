package org.guidancelab.ui.model;

import java.nio.file.Path;
import java.util.Objects;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * What the Run button hands to whoever trains: the validated experiment and the file it came from (null when
 * unsaved). The builder only raises it; the training dashboard subscribes to it.
 */
public record RunRequest(ExperimentSpec experiment, Path file) {
    public RunRequest {
        Objects.requireNonNull(experiment, "experiment");
    }
}
