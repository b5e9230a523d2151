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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code guide inspect MODEL} and {@code guide activations MODEL INPUT.csv --out DIR}: a network trained elsewhere
 * (Keras h5, DL4J zip) seen as the lab sees a guide. A file that cannot be a guide is a usage error (exit 2) with
 * the import's one-line message naming file and layer.
 */
@Command(name = "guide", description = "Inspect a guide trained elsewhere (Keras .h5, DeepLearning4J .zip) or compute its taps.",
        mixinStandardHelpOptions = true, subcommands = {GuideCommand.Inspect.class, GuideCommand.Activations.class})
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
}
