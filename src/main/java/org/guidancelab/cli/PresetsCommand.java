package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.PresetEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code presets}: lists the experiment presets and the architecture library with their titles. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "List the experiment presets (the paper's settings at lab scale) and the architecture library.")
final class PresetsCommand implements Callable<Integer> {

    @Option(names = {"-d", "--descriptions"}, description = "also print each description")
    boolean descriptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PresetCatalog catalog;
        try {
            catalog = PresetCatalog.load();
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot read the presets: " + e.getMessage());
            return 2;
        }
        section(out, "Experiment presets (" + PresetCatalog.ROOT + "/):", catalog.presets());
        out.println();
        section(out, "Architectures (" + PresetCatalog.ROOT + "/" + PresetCatalog.ARCHITECTURES + "/):", catalog.architectures());
        return 0;
    }

    private void section(PrintWriter out, String heading, List<PresetEntry> entries) {
        out.println(heading);
        int width = entries.stream().mapToInt(e -> e.file().length()).max().orElse(0);
        for (PresetEntry e : entries) {
            String mark = e.file().equals(PresetCatalog.DEFAULT_PRESET) ? "  (default)" : "";
            out.println("  " + e.file() + " ".repeat(width - e.file().length()) + "  " + e.title() + mark);
            if (descriptions && !e.description().isEmpty()) {
                out.println("  " + " ".repeat(width) + "  " + e.description());
            }
        }
    }
}
