package org.guidancelab.ui.builder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guidancelab.arch.JsonSpecException;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.PresetEntry;
import org.guidancelab.ui.model.ArchitectureCard;
import org.guidancelab.ui.model.GalleryItem;
import org.guidancelab.ui.model.Starters;

/**
 * The presets and the architecture library, parsed once at start-up from {@link PresetCatalog}. A preset file
 * that does not parse is left out and reported (the app still opens), never a reason to fail.
 */
public final class Library {
    private final List<ArchitectureCard> architectures = new ArrayList<>();
    private final List<GalleryItem> presets = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private ExperimentSpec defaultExperiment;

    public static Library load() {
        Library lib = new Library();
        try {
            PresetCatalog catalog = PresetCatalog.load();
            for (PresetEntry e : catalog.architectures()) {
                try {
                    String id = e.file().substring(e.file().lastIndexOf('/') + 1).replace(".json", "");
                    lib.architectures.add(new ArchitectureCard(id, e.title(), e.description(), PresetCatalog.network(e)));
                } catch (JsonSpecException ex) {
                    lib.problems.add(ex.getMessage());
                }
            }
            for (PresetEntry e : catalog.presets()) {
                try {
                    ExperimentSpec spec = PresetCatalog.experiment(e);
                    lib.presets.add(new GalleryItem(e.title(), e.description(), e.label(), spec));
                    if (e.file().equals(PresetCatalog.DEFAULT_PRESET)) {
                        lib.defaultExperiment = spec;
                    }
                } catch (JsonSpecException ex) {
                    lib.problems.add(ex.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            lib.problems.add("cannot read the presets: " + e.getMessage());
        }
        return lib;
    }

    /** A library of the given cards and presets (tests build their own). */
    public static Library of(List<ArchitectureCard> cards, List<GalleryItem> presets, ExperimentSpec defaultExperiment) {
        Library lib = new Library();
        lib.architectures.addAll(cards);
        lib.presets.addAll(presets);
        lib.defaultExperiment = defaultExperiment;
        return lib;
    }

    List<ArchitectureCard> architectures() {
        return architectures;
    }

    List<GalleryItem> presets() {
        return presets;
    }

    List<String> problems() {
        return problems;
    }

    /** teaching-demo.json, or the built-in starter if it could not be read. */
    ExperimentSpec defaultExperiment() {
        return defaultExperiment != null ? defaultExperiment : Starters.newExperiment();
    }

    Optional<NetworkSpec> architecture(String id) {
        return architectures.stream().filter(c -> c.id().equals(id)).map(ArchitectureCard::network).findFirst();
    }
}
