package org.guidancelab.ui.model;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * One edit of the experiment, as SceneBuilder does it: views and drop targets never change the spec, they produce
 * a command and hand it to {@link ExperimentDocument#execute}. Specs are immutable, so the undo history keeps the
 * states before and after, and undo restores exactly what was there.
 *
 * @param label       what the edit did, shown in the Undo menu ("Insert Dense", "Move conv1")
 * @param change      the edit as a pure function of the experiment
 * @param selectAfter the block to select once done (null keeps the selection where it is)
 */
public record Command(String label, UnaryOperator<ExperimentSpec> change, BlockRef selectAfter) {
    public Command {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(change, "change");
    }

    public static Command of(String label, UnaryOperator<ExperimentSpec> change) {
        return new Command(label, change, null);
    }
}
