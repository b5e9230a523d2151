package org.guidancelab.session;

import java.util.List;
import java.util.stream.Collectors;
import org.guidancelab.experiment.SpecProblem;

/**
 * Why a run did not start training. {@code detail} is the cause as reported (a command prints it after "error: ");
 * {@link #message()} says it in a sentence of its own (the app's banner, a failed run's status).
 *
 * @param kind     what stood in the way
 * @param detail   the cause's own message
 * @param dataset  the dataset's name (for {@link Kind#DATA})
 * @param problems the experiment's problems (for {@link Kind#INVALID_EXPERIMENT} found by the validator)
 */
public record SetupFailure(Kind kind, String detail, String dataset, List<SpecProblem> problems) {

    /** What stood in the way of training. */
    public enum Kind {
        /** The experiment has problems (the validator's, or the trainer refused it). */
        INVALID_EXPERIMENT,
        /** Its dataset could not be generated or read. */
        DATA,
        /** The run folder could not be created. */
        FOLDER,
        /** The run folder cannot be continued (not a run, finished, a different experiment, no usable checkpoint). */
        NOT_RESUMABLE
    }

    public SetupFailure {
        detail = detail == null ? "" : detail;
        problems = List.copyOf(problems);
    }

    static SetupFailure of(Kind kind, Exception e) {
        return new SetupFailure(kind, e.getMessage() == null ? e.toString() : e.getMessage(), "", List.of());
    }

    public String message() {
        return switch (kind) {
            case DATA -> "dataset '" + dataset + "' could not be loaded: " + detail;
            case INVALID_EXPERIMENT -> problems.isEmpty() ? detail : "the experiment has problems: "
                    + problems.stream().map(SpecProblem::describe).collect(Collectors.joining("; "));
            default -> detail;
        };
    }
}
