package org.guidancelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.SessionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code resume RUN_DIR}: continues a stopped or crashed run from its checkpoints, appending to its metrics. A damaged
 * newest checkpoint is named and the previous one used; with none usable it refuses (exit 2) and changes nothing.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stopped or crashed run from its last checkpoints (same folder, metrics appended).")
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder (holds experiment.json)")
    Path runDir;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", converter = MinInt.One.class, description = "compute threads (default ${DEFAULT-VALUE})")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunSession session = RunSession.resume(runDir, SessionOptions.defaults().withThreads(threads));
        session.onFolderReady(() -> {
            for (String note : session.notes()) {
                (note.startsWith("warning: ") ? err : out).println(note);
            }
            out.flush();
            err.flush();
        });
        return SessionCommand.run(session, out, err, f -> {
            err.println("error: " + f.detail());
            return RunCommand.UNREADABLE;
        });
    }
}
