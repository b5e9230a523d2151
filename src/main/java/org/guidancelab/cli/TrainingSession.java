package org.guidancelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.StopOnShutdown;

/**
 * Runs a trainer for a command: progress line and summary table listeners, and a shutdown hook so Ctrl-C cancels
 * between steps (the arm checkpoints) instead of killing the run mid-write. When the run folder could not be written
 * (the run then stops), says which file and why, and how to continue once it can be written again.
 */
final class TrainingSession {
    private TrainingSession() {
    }

    /**
     * @param runDir         the run folder being written
     * @param recordFailures the writes of the run folder that failed (read after the run)
     */
    static int run(Trainer trainer, Supplier<RunStatus> body, ExperimentSpec exp, PrintWriter out, PrintWriter err,
                   Runnable cleanup, Path runDir, Supplier<List<String>> recordFailures) {
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
        List<String> failures = recordFailures.get().stream().distinct().toList();
        if (!failures.isEmpty()) {
            failures.forEach(f -> err.println("error: " + f));
            err.println("The run stopped since it could not be recorded; every row written before is kept in " + runDir
                    + ". Once the folder can be written again, continue it with: resume " + runDir);
            err.flush();
            return RunCommand.FAILED;
        }
        return RunCommand.exitCode(status);
    }
}
