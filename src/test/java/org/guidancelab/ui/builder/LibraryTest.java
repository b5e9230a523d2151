package org.guidancelab.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.ui.model.ExperimentDocument;
import org.junit.jupiter.api.Test;

/** The app's start-up library: every preset parses, and the window opens on teaching-demo.json, valid. */
class LibraryTest {
    @Test
    void theLibraryHoldsEveryPresetAndOpensOnTheTeachingDemo() throws Exception {
        Library lib = Library.load();
        assertEquals(java.util.List.of(), lib.problems());
        PresetCatalog catalog = PresetCatalog.load();
        assertEquals(catalog.presets().size(), lib.presets().size());
        assertEquals(catalog.architectures().size(), lib.architectures().size());
        assertEquals(catalog.defaultExperiment(), lib.defaultExperiment());
        assertTrue(lib.architecture(lib.architectures().get(0).id()).isPresent());
        assertFalse(lib.architecture("no-such-card").isPresent());
        ExperimentDocument doc = new ExperimentDocument(lib.defaultExperiment(), null);
        assertTrue(doc.canRun(), () -> "teaching demo problems: " + doc.problems());
    }
}
