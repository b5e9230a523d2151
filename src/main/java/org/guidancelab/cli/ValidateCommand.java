package org.guidancelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.guidancelab.arch.Diagnostic;
import org.guidancelab.arch.JsonSpecException;
import org.guidancelab.arch.LocatedJson;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.NetworkJson;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.arch.ShapeInference;
import org.guidancelab.engine.imported.ImportedGuideCheck;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.ExperimentValidator;
import org.guidancelab.experiment.NetworkFit;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.ParsedExperiment;
import org.guidancelab.experiment.SpecProblem;
import org.guidancelab.experiment.TapPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE...}: reads experiment or network files, prints each network as a table and the tap pairs,
 * then "OK" or every problem as "file:line: message". Exit code 0 when all files are valid, 1 when any has
 * problems, 2 when any cannot be read at all.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check experiment or network files: shapes, parameters, tap pairs and every problem with its line.")
final class ValidateCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int UNREADABLE = 2;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "experiment (preset) or network JSON files")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int code = OK;
        for (Path f : files) {
            code = Math.max(code, validate(f, out));
            out.flush();
        }
        return code;
    }

    private int validate(Path file, PrintWriter out) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println(file + ": cannot read the file: " + e.getMessage());
            return UNREADABLE;
        }
        out.println("== " + file);
        try {
            return isNetworkFile(text, file.toString()) ? network(text, file.toString(), out) : experiment(text, file.toString(), out);
        } catch (JsonSpecException e) {
            out.println(e.getMessage());
            return PROBLEMS;
        }
    }

    /** A network file has "layers" at the top; an experiment has "guide" and "target". */
    private static boolean isNetworkFile(String text, String label) throws JsonSpecException {
        JsonNode root = LocatedJson.parse(text, label).root();
        return root.isObject() && root.has("layers") && !root.has("target");
    }

    private static int experiment(String text, String label, PrintWriter out) throws JsonSpecException {
        ParsedExperiment parsed = ExperimentJson.parseLocated(text, label, base(label));
        ExperimentSpec spec = parsed.spec();
        if (!spec.title().isEmpty()) {
            out.println(spec.title());
        }
        NetworkAnalysis guide = ShapeInference.analyze(spec.guide());
        NetworkAnalysis target = ShapeInference.analyze(spec.target());
        if (spec.guide().isImported()) {
            out.println("guide '" + spec.guide().name() + "': read from " + spec.guide().imported().path() + ", taps "
                    + spec.guide().tapNames() + " (guide inspect lists its layers)");
        } else {
            NetworkTable.print(out, "guide '" + spec.guide().name() + "'", guide);
        }
        NetworkTable.print(out, "target '" + spec.target().name() + "'", target);
        printPairs(spec, out);
        if (!spec.guide().isImported()) {
            warnings(label, "guide", "$.guide", guide, parsed.source(), out);
        }
        warnings(label, "target", "$.target", target, parsed.source(), out);
        List<SpecProblem> problems = new ArrayList<>(ExperimentValidator.validate(spec));
        problems.addAll(ImportedGuideCheck.problems(spec)); // an imported guide: its file, its taps, its input
        for (SpecProblem p : problems) {
            out.println(label + ":" + parsed.lineOf(p.jsonPath()) + ": " + p.message());
        }
        return finish(problems.size(), out);
    }

    private static int network(String text, String label, PrintWriter out) throws JsonSpecException {
        NetworkSpec net = NetworkJson.parse(text, label);
        LocatedJson source = LocatedJson.parse(text, label);
        NetworkAnalysis a = ShapeInference.analyze(net);
        NetworkTable.print(out, "network '" + net.name() + "'", a);
        int errors = 0;
        for (Diagnostic d : a.diagnostics()) {
            boolean error = d.severity() == Diagnostic.Severity.ERROR;
            errors += error ? 1 : 0;
            out.println(label + ":" + source.lineOf(NetworkFit.jsonPath("$", d)) + ": " + (error ? "" : "warning: ") + d.message());
        }
        return finish(errors, out);
    }

    private static void warnings(String label, String role, String root, NetworkAnalysis a, LocatedJson source, PrintWriter out) {
        for (Diagnostic d : a.diagnostics()) {
            if (d.severity() == Diagnostic.Severity.WARNING) {
                out.println(label + ":" + source.lineOf(NetworkFit.jsonPath(root, d)) + ": warning: " + role + ": " + d.message());
            }
        }
    }

    private static void printPairs(ExperimentSpec spec, PrintWriter out) {
        List<TapPair> pairs = spec.resolvedPairs();
        boolean rule = spec.pairing().mode() == Pairing.Mode.RULE;
        out.println("tap pairs (" + (rule ? "paper's rule: guide tap i -> target tap round(i*(nT-1)/(nG-1))" : "manual")
                + "): " + pairs.size());
        for (TapPair p : pairs) {
            out.println("  guide " + p.guideTap() + " -> target " + p.targetTap());
        }
    }

    private static int finish(int problems, PrintWriter out) {
        if (problems == 0) {
            out.println("OK");
            return OK;
        }
        out.println(problems + (problems == 1 ? " problem" : " problems"));
        return PROBLEMS;
    }

    /** The folder an imported guide's file is relative to: the experiment file's, when the label is a file. */
    private static Path base(String label) {
        try {
            Path p = Path.of(label);
            return Files.isRegularFile(p) ? p.toAbsolutePath().getParent() : null;
        } catch (RuntimeException e) {
            return null; // "-" (stdin) or a preset label
        }
    }
}
