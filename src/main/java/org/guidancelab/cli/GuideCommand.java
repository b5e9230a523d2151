package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.guidancelab.engine.imported.GuideFiles;
import org.guidancelab.engine.imported.GuideImportException;
import org.guidancelab.engine.imported.GuideLayer;
import org.guidancelab.engine.imported.ImportedNetwork;
import org.guidancelab.engine.imported.OnnxConversion;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code guide inspect MODEL}, {@code guide activations MODEL INPUT.csv --out DIR} and {@code guide convert
 * MODEL.onnx ...}: a network trained elsewhere (Keras h5, DL4J zip, SameDiff sdz converted from ONNX) seen as the lab
 * sees a guide. A file that cannot be a guide, or an ONNX file the conversion refuses, is a usage error (exit 2) with
 * a one-line message naming file and layer, node or tap.
 */
@Command(name = "guide", description = "Inspect a guide trained elsewhere (Keras .h5, DeepLearning4J .zip, SameDiff .sdz), compute its taps, or convert an ONNX file to .sdz.",
        mixinStandardHelpOptions = true, subcommands = {GuideCommand.Inspect.class, GuideCommand.Activations.class,
                GuideCommand.Convert.class})
public final class GuideCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** "1,28,28" as a shape; a DL4J zip does not record its image size. */
    static List<Integer> shape(CommandLine cmd, String text) {
        if (text == null) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String s : text.split(",")) {
            try {
                int d = Integer.parseInt(s.trim());
                if (d <= 0) {
                    throw new NumberFormatException();
                }
                out.add(d);
            } catch (NumberFormatException e) {
                throw new ParameterException(cmd, "--input: expected sizes like 1,28,28 (channels, height, width), got '" + text + "'");
            }
        }
        return out;
    }

    static ImportedNetwork open(CommandLine cmd, Path model, List<Integer> input) {
        try {
            return GuideFiles.open(model, input);
        } catch (GuideImportException e) {
            throw new ParameterException(cmd, e.getMessage());
        }
    }

    @Command(name = "inspect", description = "The layers that can be taps: name, kind, output shape (channels, height, width), parameters.")
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MODEL", converter = ExistingFile.class)
        Path model;

        @Option(names = "--input", paramLabel = "C,H,W", description = "the input shape, for a DL4J zip of a CNN (the file does not record it)")
        String input;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ImportedNetwork net = open(spec.commandLine(), model, shape(spec.commandLine(), input));
            out.printf(Locale.ROOT, "%s (%s): input %s, %,d parameters%n", model, net.format(), net.inputShape(), net.params());
            int w = Math.max(5, net.layers().stream().mapToInt(l -> l.name().length()).max().orElse(5));
            int k = Math.max(4, net.layers().stream().mapToInt(l -> l.kind().length()).max().orElse(4));
            out.printf(Locale.ROOT, "  %-" + w + "s  %-" + k + "s  %-14s  %s%n", "tap", "kind", "output", "parameters");
            for (GuideLayer l : net.layers()) {
                out.printf(Locale.ROOT, "  %-" + w + "s  %-" + k + "s  %-14s  %,d%n", l.name(), l.kind(), l.shape(), l.params());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "activations", description = "Writes DIR/<tap>.csv for every layer: one row per example of INPUT.csv, the layer's output flattened (channels, height, width).")
    static final class Activations implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MODEL", converter = ExistingFile.class)
        Path model;

        @Parameters(index = "1", paramLabel = "INPUT.csv", converter = ExistingFile.class,
                description = "one example per row, flattened in the lab's layout (channels, height, width)")
        Path inputCsv;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "the folder for the CSV files")
        Path outDir;

        @Option(names = "--input", paramLabel = "C,H,W", description = "the input shape, for a DL4J zip of a CNN (the file does not record it)")
        String input;

        @Override
        public Integer call() throws IOException {
            CommandLine cmd = spec.commandLine();
            List<Integer> given = shape(cmd, input);
            ImportedNetwork net = open(cmd, model, given);
            double[][] rows;
            try {
                rows = NumericCsv.read(inputCsv);
            } catch (IOException e) {
                throw new ParameterException(cmd, e.getMessage());
            }
            long width = net.inputShape().stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
            if (rows.length == 0 || rows[0].length != width) {
                throw new ParameterException(cmd, inputCsv + ": rows have " + (rows.length == 0 ? 0 : rows[0].length)
                        + " values but " + model + " takes " + net.inputShape() + " = " + width + " per example");
            }
            long[] shape = new long[net.inputShape().size() + 1];
            shape[0] = rows.length;
            for (int i = 0; i < net.inputShape().size(); i++) {
                shape[i + 1] = net.inputShape().get(i);
            }
            INDArray x = Nd4j.createFromArray(rows).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape('c', shape);
            List<String> names = net.layers().stream().map(GuideLayer::name).toList();
            Map<String, INDArray> acts = net.activations(x, names);
            Files.createDirectories(outDir);
            PrintWriter out = cmd.getOut();
            for (String n : names) {
                Path f = outDir.resolve(safe(n) + ".csv");
                write(f, acts.get(n));
                out.printf(Locale.ROOT, "%s  %d x %d%n", f, acts.get(n).rows(), acts.get(n).columns());
            }
            out.flush();
            return 0;
        }

        /** A layer name as a file name: Keras and DL4J names may hold '/' (nested models). */
        private static String safe(String name) {
            return name.replaceAll("[^A-Za-z0-9._-]", "_");
        }

        private static void write(Path f, INDArray a) throws IOException {
            float[] v = a.dup('c').data().asFloat();
            int cols = (int) a.columns();
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < a.rows(); r++) {
                    sb.setLength(0);
                    for (int c = 0; c < cols; c++) {
                        if (c > 0) {
                            sb.append(',');
                        }
                        sb.append(v[r * cols + c]); // Float.toString: the shortest text that reads back to the same float
                    }
                    w.write(sb.append('\n').toString());
                }
            }
        }
    }

    @Command(name = "convert", description = {"Converts an ONNX export (PyTorch, opset 13) to a SameDiff .sdz guide, in a"
            + " separate JVM, and accepts it only if every tap matches the reference (scripts/onnx-guide-export.py writes"
            + " the ONNX file, the sample input and the references).",
            "A value passes when |converted - reference| <= tolerance x max(1, |reference|)."})
    static final class Convert implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MODEL.onnx", converter = ExistingFile.class)
        Path model;

        @Option(names = "--sample", required = true, paramLabel = "INPUT.csv", converter = ExistingFile.class,
                description = "the sample input: one example per row, flattened (channels, height, width)")
        Path sample;

        @Option(names = "--reference", required = true, paramLabel = "DIR",
                description = "PyTorch's output for the sample input, one CSV per tap: DIR/<tap>.csv")
        Path reference;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE.sdz", description = "the guide to write (default: MODEL.sdz beside MODEL.onnx)")
        Path out;

        @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-4",
                description = "the largest difference accepted, absolute up to 1 and relative above (default: ${DEFAULT-VALUE})")
        double tolerance;

        @Override
        public Integer call() {
            CommandLine cmd = spec.commandLine();
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new ParameterException(cmd, "--tolerance: expected a number between 0 and 1, got " + tolerance);
            }
            Path target = out != null ? out : OnnxConversion.defaultOut(model);
            if (!target.getFileName().toString().endsWith(".sdz")) {
                throw new ParameterException(cmd, "--out: the guide file's name must end in .sdz (the lab tells the kind by it), got " + target);
            }
            OnnxConversion.Result r;
            try {
                r = OnnxConversion.run(new OnnxConversion.Request(model, sample, reference, target, tolerance));
            } catch (GuideImportException e) {
                throw new ParameterException(cmd, e.getMessage());
            }
            PrintWriter w = cmd.getOut();
            double worst = r.taps().stream().mapToDouble(OnnxConversion.Tap::maxAbs).max().orElse(0);
            w.printf(Locale.ROOT, "%s: %d taps verified against %s (max abs difference %.2g, tolerance %.0e), %.1f s%n",
                    r.out(), r.taps().size(), reference, worst, tolerance, r.millis() / 1000.0);
            for (OnnxConversion.Tap t : r.taps()) {
                w.println("  " + OnnxConversion.describe(t));
            }
            w.flush();
            return 0;
        }
    }
}
