package org.guidancelab.cli;

import java.io.PrintWriter;
import java.util.function.ToIntFunction;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.RunSummary;
import org.guidancelab.session.SetupFailure;
import org.guidancelab.session.StopOnShutdown;

/**
 * Runs a session for {@code run} or {@code resume}: a live progress line, Ctrl-C cancelling between steps (the arm
 * checkpoints) instead of killing the run mid-write, then the table per arm and the status. When the run folder could
 * not be written (the run then stops), says which file and why, and how to continue once it can be written again.
 */
final class SessionCommand {
    private SessionCommand() {
    }

    /** @param refused prints why a run did not start and returns the exit code */
    static int run(RunSession session, PrintWriter out, PrintWriter err, ToIntFunction<SetupFailure> refused) {
        session.addListener(new ProgressLine(err));
        RunSummary summary;
        try (StopOnShutdown stop = new StopOnShutdown(session::cancel)) {
            summary = session.run();
        }
        if (summary.setupFailure() != null) {
            int code = refused.applyAsInt(summary.setupFailure());
            err.flush();
            return code;
        }
        out.println();
        ArmSummaryTable.print(summary, out);
        out.println("status: " + summary.status().jsonName());
        out.flush();
        if (!summary.recordFailures().isEmpty()) {
            summary.recordFailures().stream().distinct().forEach(f -> err.println("error: " + f));
            err.println("The run stopped since it could not be recorded; every row written before is kept in "
                    + summary.dir() + ". Once the folder can be written again, continue it with: resume " + summary.dir());
            err.flush();
            return RunCommand.FAILED;
        }
        return RunCommand.exitCode(summary.status());
    }
}
