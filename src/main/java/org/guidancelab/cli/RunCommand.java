package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.platform.AppDirs;
import org.guidancelab.platform.ProcessSetup;
import org.guidancelab.session.RunFolder;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.SessionOptions;
import org.guidancelab.session.SetupFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run PRESET_OR_FILE}: trains the experiment's arms headless into a new run folder, with a live progress line
 * (stderr) and a final table per arm (stdout). Ctrl-C stops after the current step with a checkpoint, so the run can
 * be continued with {@code resume}. Exit code 0 finished, 1 invalid experiment or failed arm, 2 bad option or
 * unreadable input, 3 stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train the arms of an experiment (a preset name or a JSON file) and record a run folder.")
final class RunCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNREADABLE = 2;
    static final int STOPPED = 3;

    @Parameters(index = "0", paramLabel = "PRESET_OR_FILE", description = "a preset (e.g. teaching-demo) or an experiment JSON file")
    String experiment;

    @Option(names = "--steps", paramLabel = "N", converter = MinInt.One.class, description = "override training.steps")
    Integer steps;

    @Option(names = "--arms", split = ",", paramLabel = "a,b", description = "run only these arms (by name)")
    List<String> arms;

    @Option(names = "--seed", paramLabel = "S", description = "override training.seed")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", converter = MinInt.One.class, description = "compute threads (default ${DEFAULT-VALUE}: fastest for small nets)")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderPath.class,
            description = "folder of run folders (default: ./runs; installed: runs/ in the data folder, ~/.local/share/guidance-lab)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentSpec exp;
        try {
            exp = ExperimentSource.load(experiment);
        } catch (IOException | SpecFormatException e) {
            err.println("error: " + e.getMessage());
            return UNREADABLE;
        }
        Path runsDir = out != null ? out : AppDirs.current().cliRunsDir();
        // a backend that cannot start escapes run() before any folder exists and is reported by FailureHandler
        RunSession session = RunSession.fresh(overridden(exp), RunFolder.under(runsDir),
                SessionOptions.defaults().withThreads(threads));
        session.onFolderReady(() -> {
            o.println("backend: " + ProcessSetup.startNative().summary());
            o.println("run folder: " + session.directory());
            o.flush();
        });
        return SessionCommand.run(session, o, err, f -> refused(f, runsDir, err));
    }

    private static int refused(SetupFailure f, Path runsDir, PrintWriter err) {
        switch (f.kind()) {
            case INVALID_EXPERIMENT:
                if (f.problems().isEmpty()) {
                    err.println("error: " + f.detail());
                } else {
                    err.println("error: the experiment has problems:");
                    f.problems().forEach(p -> err.println("  " + p.describe()));
                }
                return FAILED;
            case FOLDER:
                err.println("error: cannot create a run folder in " + runsDir + ": " + f.detail());
                return UNREADABLE;
            default:
                err.println("error: " + f.detail());
                return UNREADABLE;
        }
    }

    private ExperimentSpec overridden(ExperimentSpec exp) {
        if (steps != null) {
            exp = exp.withTraining(exp.training().withSteps(steps));
        }
        if (seed != null) {
            exp = exp.withTraining(exp.training().withSeed(seed));
        }
        if (arms != null && !arms.isEmpty()) {
            Set<String> known = exp.arms().stream().map(ArmSpec::name).collect(Collectors.toSet());
            List<ArmSpec> kept = new ArrayList<>();
            for (String a : arms) {
                if (!known.contains(a.trim())) {
                    throw new ParameterException(spec.commandLine(), "--arms: no arm called '" + a.trim() + "'; the arms are "
                            + exp.arms().stream().map(ArmSpec::name).collect(Collectors.joining(", ")));
                }
            }
            for (ArmSpec a : exp.arms()) {
                if (arms.stream().anyMatch(x -> x.trim().equals(a.name()))) {
                    kept.add(a);
                }
            }
            exp = exp.withArms(kept);
        }
        return exp;
    }

    static int exitCode(RunStatus s) {
        switch (s) {
            case FINISHED:
                return OK;
            case STOPPED:
                return STOPPED;
            default:
                return FAILED;
        }
    }
}
