package org.guidancelab.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.StopOnShutdown;

/**
 * Runs a trainer for a command: progress line and summary table listeners, and a shutdown hook so Ctrl-C cancels
 * between steps (the arm checkpoints) instead of killing the run mid-write.
 */
final class TrainingSession {
    private TrainingSession() {
    }

    static int run(Trainer trainer, ExperimentSpec exp, PrintWriter out, PrintWriter err, Runnable cleanup) {
        return run(trainer, trainer::run, exp, out, err, cleanup);
    }

    /** As above, with {@code body} doing the training (a resume runs its trainer with checkpoints). */
    static int run(Trainer trainer, Supplier<RunStatus> body, ExperimentSpec exp, PrintWriter out, PrintWriter err, Runnable cleanup) {
        ArmSummaryTable table = new ArmSummaryTable(exp.resolvedPairs());
        trainer.addListener(new ProgressLine(err));
        trainer.addListener(table);
        RunStatus status;
        try (StopOnShutdown stop = new StopOnShutdown(trainer::cancel)) {
            try {
                status = body.get();
            } finally {
                cleanup.run();
            }
        }
        out.println();
        table.print(out);
        out.println("status: " + status.jsonName());
        out.flush();
        return RunCommand.exitCode(status);
    }
}
