package org.guidancelab.session;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.data.DataFormatException;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.imported.ImportedGuideCheck;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.ExperimentValidator;
import org.guidancelab.experiment.SpecProblem;

/** The checks a run passes before anything is written or trained: the experiment, its data, the trainer's consent. */
final class Preflight {
    private Preflight() {
    }

    /** Thrown by a check; carries what the session reports. */
    static final class Refused extends Exception {
        private final SetupFailure failure;

        Refused(SetupFailure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }

        SetupFailure failure() {
            return failure;
        }
    }

    static void validate(ExperimentSpec spec) throws Refused {
        List<SpecProblem> problems = new ArrayList<>(ExperimentValidator.validate(spec));
        problems.addAll(ImportedGuideCheck.problems(spec)); // a guide read from a file: the file's own checks
        if (!problems.isEmpty()) {
            throw new Refused(new SetupFailure(SetupFailure.Kind.INVALID_EXPERIMENT, "the experiment has problems", "",
                    problems));
        }
    }

    static TaskData data(DatasetSpec dataset, DataSource source) throws Refused {
        try {
            return source.load(dataset);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new Refused(new SetupFailure(SetupFailure.Kind.DATA, e.getMessage() == null ? e.toString()
                    : e.getMessage(), dataset.name(), List.of()));
        }
    }

    /** The trainer, or why it refuses the experiment (two arms of one name, negative steps). */
    static Trainer trainer(ExperimentSpec spec, TaskData data, TrainerOptions options) throws Refused {
        try {
            return new Trainer(spec, data, options);
        } catch (IllegalArgumentException e) {
            throw new Refused(SetupFailure.of(SetupFailure.Kind.INVALID_EXPERIMENT, e));
        }
    }
}
