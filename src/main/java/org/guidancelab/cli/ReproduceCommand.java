package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.platform.AppDirs;
import org.guidancelab.platform.ProcessSetup;
import org.guidancelab.reproduce.Finding;
import org.guidancelab.reproduce.FindingEvaluator;
import org.guidancelab.reproduce.FindingResult;
import org.guidancelab.reproduce.Findings;
import org.guidancelab.reproduce.ReportWriter;
import org.guidancelab.reproduce.ReproduceRunner;
import org.guidancelab.reproduce.ReproduceSettings;
import org.guidancelab.reproduce.SeedRun;
import org.guidancelab.reproduce.StepScale;
import org.guidancelab.reproduce.TestScale;
import org.guidancelab.session.StopOnShutdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reproduce}: runs the preset of each finding of the paper over seeds, then writes {@code report.md} with the
 * measured tables, figures and verdicts. Exit code 0 when every run finished (whatever the verdicts),
 * 1 when a run failed or could not start, 3 when stopped with Ctrl-C (finished runs are kept and reused next time).
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run the paper's findings at lab scale (one preset each) and write a Markdown report with verdicts.")
final class ReproduceCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "divide every step count of the presets by 4; 1 seed unless --seeds")
    boolean quick;

    @Option(names = "--seeds", paramLabel = "N", converter = MinInt.One.class, description = "seeds per finding (default 3, 1 with --quick)")
    Integer seeds;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderPath.class,
            description = "folder for report.md, figures/ and runs/ (default: ./reproduce; installed: reproduce/ in "
                    + "the data folder, ~/.local/share/guidance-lab)")
    Path out;

    @Option(names = "--only", split = ",", paramLabel = "id,id", description = "only these findings: ${COMPLETION-CANDIDATES}",
            completionCandidates = FindingIds.class)
    List<String> only;

    @Option(names = "--jobs", paramLabel = "J", defaultValue = "1", converter = MinInt.One.class,
            description = "(finding, seed) runs at once, as threads of this JVM (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", converter = MinInt.One.class,
            description = "compute threads, shared by all jobs (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--report-only", description = "train nothing: write the report from the finished runs already "
            + "in --out (seeds without one are listed as not run)")
    boolean reportOnly;

    /** Tests: a larger divisor than --quick's 4, so all seven findings run in seconds. */
    @Option(names = "--step-divisor", hidden = true, paramLabel = "D", converter = MinInt.One.class)
    Integer stepDivisor;

    /** Tests: this many training steps per arm (0 = the preset's). */
    @Option(names = "--test-steps", hidden = true, paramLabel = "N", defaultValue = "0", converter = MinInt.Zero.class)
    int testSteps;

    /** Tests: this many examples per dataset split (0 = the preset's). */
    @Option(names = "--test-examples", hidden = true, paramLabel = "N", defaultValue = "0", converter = MinInt.Zero.class)
    int testExamples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (out == null) {
            out = AppDirs.current().cliReproduceDir();
        }
        List<Finding> findings;
        ReproduceSettings settings;
        try {
            findings = Findings.select(only);
            int divisor = stepDivisor != null ? stepDivisor : quick ? StepScale.QUICK : 1;
            settings = new ReproduceSettings(seeds != null ? seeds : quick ? 1 : 3, divisor, jobs, out,
                    new TestScale(testSteps, testExamples), reportOnly);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String backend = ProcessSetup.startNative(threads).summary(); // a dead backend: FailureHandler says why
        o.println("backend: " + backend);
        o.println("findings: " + String.join(", ", findings.stream().map(Finding::id).toList()) + "; "
                + settings.seeds() + " seed(s); output " + out.toAbsolutePath().normalize());
        o.flush();
        PresetCatalog catalog;
        try {
            catalog = PresetCatalog.load();
        } catch (IOException e) {
            err.println("error: cannot read the presets: " + e.getMessage());
            return RunCommand.UNREADABLE;
        }
        ReproduceRunner runner = new ReproduceRunner(settings, err);
        List<SeedRun> runs;
        Path report;
        try (StopOnShutdown stop = new StopOnShutdown(runner::cancel)) {
            try {
                runs = runner.run(findings, catalog);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("error: interrupted");
                return RunCommand.STOPPED;
            }
            List<FindingResult> results = FindingEvaluator.evaluate(findings, runs, runner.sweeps(), out);
            report = ReportWriter.write(out, new ReportWriter.Context(
                    ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
                            Locale.ROOT)), machine(backend), commandLine(), settings), results);
            for (FindingResult r : results) {
                o.printf(Locale.ROOT, "%-13s %s%n", r.finding().id(), r.verdict().text());
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return RunCommand.UNREADABLE;
        }
        o.println("report: " + report);
        o.flush();
        if (runner.isCancelled()) {
            return RunCommand.STOPPED;
        }
        boolean sweeps = runner.sweeps().stream().allMatch(c -> c.problem().isBlank());
        return runs.stream().allMatch(SeedRun::finished) && sweeps ? RunCommand.OK : RunCommand.FAILED;
    }

    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        // picocli hands a subcommand the whole command line, its own name first
        return String.join(" ", args.isEmpty() || !args.get(0).equals("reproduce") ? prepend(args) : args);
    }

    private static List<String> prepend(List<String> args) {
        List<String> out = new java.util.ArrayList<>(args);
        out.add(0, "reproduce");
        return out;
    }

    private static String machine(String backend) {
        return "nproc " + Runtime.getRuntime().availableProcessors() + ", Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", backend " + backend;
    }

    /** The finding ids, for --only's help and completion. */
    static final class FindingIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Findings.all().stream().map(Finding::id).iterator();
        }
    }
}
