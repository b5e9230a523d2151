package org.guidancelab.ui.model;

import java.util.Optional;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * What a field does with a value entered into it: the edit of {@code spec} it makes (empty when nothing changes),
 * or an {@link IllegalArgumentException} saying why the value is refused. It is a function of the spec so that a
 * refused value can be tried again after the experiment changed.
 */
@FunctionalInterface
public interface FieldEdit {
    Optional<Command> apply(ExperimentSpec spec, Object value);
}
