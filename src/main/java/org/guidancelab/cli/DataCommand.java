package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.guidancelab.data.DataFormatException;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.data.DatasetParameter;
import org.guidancelab.data.ExampleGrid;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.guidancelab.data.TokenText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code data list} and {@code data show NAME -p key=value --out grid.png}: inspect the built-in datasets. */
@Command(name = "data", description = "List the datasets, or build one and show its shape and examples.",
        mixinStandardHelpOptions = true, subcommands = {DataCommand.ListDatasets.class, DataCommand.Show.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "The dataset names with their parameters and defaults.")
    static final class ListDatasets implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws DataFormatException {
            PrintWriter out = spec.commandLine().getOut();
            for (String name : DatasetFactory.names()) {
                out.println(name + ": " + DatasetFactory.description(name));
                for (DatasetParameter p : DatasetFactory.parameters(name)) {
                    out.println("    " + p.name() + (p.defaultValue() == null ? "" : " = " + p.defaultValue())
                            + "  (" + p.description() + ")");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", description = "Build a dataset, print its shape and label counts, optionally write a PNG grid.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "dataset name (see 'data list')")
        String name;

        @Option(names = {"-p", "--param"}, converter = KeyValue.class, description = "a dataset parameter, key=value (repeatable)")
        List<String> params = List.of();

        @Option(names = "--split", description = "train, validation or test (default: ${DEFAULT-VALUE})",
                defaultValue = "train", converter = SplitNames.class)
        String split;

        @Option(names = "--count", description = "examples to show (default: ${DEFAULT-VALUE})", defaultValue = "36",
                converter = MinInt.One.class)
        int count;

        @Option(names = {"-o", "--out"}, description = "write a PNG grid of examples here", converter = OutputFile.class)
        Path out;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Map<String, Object> map = new LinkedHashMap<>();
            for (String kv : params) {
                int eq = kv.indexOf('='); // KeyValue checked there is one after a key
                // Values stay strings: the factory parses numbers and booleans and names any bad value.
                map.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
            TaskData d;
            try {
                d = DatasetFactory.create(name, map);
            } catch (DataFormatException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Split s = switch (split) {
                case "validation" -> d.validation();
                case "test" -> d.test();
                default -> d.train();
            };
            o.println(d.name());
            o.println("input " + Arrays.toString(d.inputShape()) + (d.tokens() ? " tokens, vocabulary " + d.vocabSize() : "")
                    + ", classes " + d.classes() + ", labels per example " + d.labelsPerExample());
            o.println("train " + d.train().size() + ", validation " + d.validation().size() + ", test " + d.test().size());
            o.println(split + " label counts " + Arrays.toString(labelCounts(s, d.classes())));
            if (d.tokens()) {
                for (int i = 0; i < Math.min(count, s.size()); i++) {
                    o.println("  " + TokenText.render(d, s, i));
                }
            }
            if (out != null) {
                try {
                    ImageIO.write(ExampleGrid.render(d, s, count), "png", out.toFile());
                } catch (IOException e) {
                    err.println("error: cannot write " + out + ": " + e.getMessage());
                    err.flush();
                    return 1;
                }
                o.println("wrote " + out);
            }
            o.flush();
            return 0;
        }

        /** The --split values. */
        static final class SplitNames extends Choice {
            SplitNames() {
                super(List.of("train", "validation", "test"));
            }
        }

        private static int[] labelCounts(Split s, int classes) {
            int[] c = new int[classes];
            for (int y : s.y()) {
                if (y >= 0 && y < classes) {
                    c[y]++;
                }
            }
            return c;
        }
    }
}
