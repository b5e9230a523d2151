package org.guidancelab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.PresetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run of an experiment whose guide is a relative model file keeps a copy where its experiment.json looks. */
class ImportedGuideRunFolderTest {
    @Test
    void theRunFolderHoldsTheGuideFileItsExperimentNames(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = PresetCatalog.experiment(PresetCatalog.fromFolder(Path.of("presets")).find("imported-guide.json"));
        Path run = dir.resolve("run");
        try (RunWriter w = RunWriter.createIn(run, spec)) {
            ExperimentSpec recorded = ExperimentJson.read(run.resolve(RunFiles.EXPERIMENT));
            assertEquals(spec, recorded);
            assertEquals(run.resolve("guides/small-cnn-keras.h5").toAbsolutePath(), recorded.guide().imported().path());
            assertArrayEquals(Files.readAllBytes(spec.guide().imported().path()), Files.readAllBytes(recorded.guide().imported().path()));
        }
    }
}
