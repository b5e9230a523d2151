package org.guidancelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.PresetEntry;
import org.guidancelab.experiment.SpecFormatException;

/** Resolves the PRESET_OR_FILE argument: an experiment file on disk, else a preset by file name (".json" optional). */
final class ExperimentSource {
    private ExperimentSource() {
    }

    static ExperimentSpec load(String presetOrFile) throws IOException, SpecFormatException {
        Path p = Path.of(presetOrFile);
        if (Files.isRegularFile(p)) {
            return ExperimentJson.read(p);
        }
        PresetCatalog catalog = PresetCatalog.load();
        String name = presetOrFile.endsWith(".json") ? presetOrFile : presetOrFile + ".json";
        name = name.startsWith(PresetCatalog.ROOT + "/") ? name.substring(PresetCatalog.ROOT.length() + 1) : name;
        PresetEntry e = catalog.find(name);
        if (e == null) {
            throw new IOException("'" + presetOrFile + "' is neither a file nor a preset; presets: "
                    + catalog.presets().stream().map(x -> x.file().replace(".json", "")).collect(Collectors.joining(", ")));
        }
        return PresetCatalog.experiment(e);
    }
}
