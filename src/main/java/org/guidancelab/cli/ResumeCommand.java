package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.guidancelab.data.DataFormatException;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.data.TaskData;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunResumer;
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
        RunResumer resumer;
        ExperimentSpec exp;
        try {
            exp = RunReader.read(runDir).experiment();
            TaskData data = DatasetFactory.create(exp.dataset().name(), exp.dataset().params());
            ComputeThreads.set(threads);
            resumer = RunResumer.open(runDir, data, TrainerOptions.defaults());
        } catch (IOException | DataFormatException e) {
            err.println("error: " + e.getMessage());
            return RunCommand.UNREADABLE;
        }
        for (String note : resumer.notes()) {
            (note.startsWith("warning: ") ? err : out).println(note);
        }
        out.flush();
        err.flush();
        return TrainingSession.run(resumer.trainer(), resumer::run, exp, out, err, () -> { }, runDir, resumer::failures);
    }
}
