package org.guidancelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.NetworkJson;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.arch.ShapeInference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every preset and architecture file reads, validates and survives a write/read round trip unchanged. */
class PresetsTest {
    private static PresetCatalog folder;

    @BeforeAll
    static void load() throws Exception {
        folder = PresetCatalog.fromFolder(Path.of("presets"));
    }

    @Test
    void catalogListsThePaperSettingsWithTheDemoFirst() {
        Set<String> files = folder.presets().stream().map(PresetEntry::file).collect(Collectors.toSet());
        assertEquals(Set.of("teaching-demo.json", "deep-fcn.json", "wide-fcn.json", "deep-convnet.json", "copy-paste.json",
                "parity.json", "warmup.json", "distillation.json", "imported-guide.json"), files);
        assertEquals("teaching-demo.json", folder.presets().get(0).file());
        Set<String> archs = folder.architectures().stream().map(PresetEntry::file).collect(Collectors.toSet());
        assertTrue(archs.containsAll(List.of("architectures/deep-fcn.json", "architectures/wide-fcn.json",
                "architectures/plain-convnet.json", "architectures/small-resnet.json", "architectures/rnn.json",
                "architectures/lstm.json", "architectures/small-transformer.json")), archs::toString);
        for (PresetEntry e : folder.presets()) {
            assertFalse(e.title().isBlank(), e.file());
            assertTrue(e.description().split("\\. ").length >= 2, () -> e.file() + " needs a two-sentence description");
        }
    }

    @Test
    void packagedCopyMatchesTheFolder() throws Exception {
        PresetCatalog cp = PresetCatalog.fromClasspath();
        assertEquals(folder.presets().stream().map(PresetEntry::file).toList(), cp.presets().stream().map(PresetEntry::file).toList());
        assertEquals(folder.architectures().size(), cp.architectures().size());
        assertEquals(300, cp.defaultExperiment().training().steps());
    }

    @Test
    void readsPresetsFromAJar(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jar = dir.resolve("lab.jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            for (PresetEntry e : folder.presets()) {
                out.putNextEntry(new java.util.jar.JarEntry("presets/" + e.file()));
                out.write(e.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            PresetEntry arch = folder.architectures().get(0);
            out.putNextEntry(new java.util.jar.JarEntry("presets/" + arch.file()));
            out.write(arch.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[]{jar.toUri().toURL()}, null)) {
            PresetCatalog fromJar = PresetCatalog.fromClasspath(loader);
            assertEquals(folder.presets(), fromJar.presets());
            assertEquals(List.of(folder.architectures().get(0)), fromJar.architectures());
            assertEquals(folder.defaultExperiment(), fromJar.defaultExperiment());
        }
    }

    @Test
    void everyPresetValidatesAndRoundTrips() throws Exception {
        for (PresetEntry e : folder.presets()) {
            ExperimentSpec spec = PresetCatalog.experiment(e);
            List<SpecProblem> problems = ExperimentValidator.validate(spec);
            assertTrue(problems.isEmpty(), () -> e.file() + ": " + problems);
            // an imported guide's layers are in its file (checked by ImportedGuideTwinTest, engine side)
            assertTrue(spec.guide().isImported() || ShapeInference.analyze(spec.guide()).diagnostics().isEmpty(), e.file());
            assertTrue(ShapeInference.analyze(spec.target()).diagnostics().isEmpty(), e.file());
            assertFalse(spec.resolvedPairs().isEmpty(), e.file());
            String written = ExperimentJson.write(spec);
            assertEquals(spec, ExperimentJson.parse(written, "rewritten " + e.file()), e.file());
            assertEquals(written, ExperimentJson.write(ExperimentJson.parse(written, "again")), "writing is stable");
        }
    }

    @Test
    void everyArchitectureIsValidAndRoundTrips() throws Exception {
        for (PresetEntry e : folder.architectures()) {
            NetworkSpec net = PresetCatalog.network(e);
            NetworkAnalysis a = ShapeInference.analyze(net);
            assertTrue(a.diagnostics().isEmpty(), () -> e.file() + ": " + a.diagnostics());
            assertFalse(e.title().isBlank());
            assertEquals(net, NetworkJson.parse(NetworkJson.write(net), "rewritten"), e.file());
        }
    }

    @Test
    void presetsStayAtLabScale() throws Exception {
        for (PresetEntry e : folder.presets()) {
            ExperimentSpec spec = PresetCatalog.experiment(e);
            long params = ShapeInference.analyze(spec.target()).totalParams() + ShapeInference.analyze(spec.guide()).totalParams();
            assertTrue(params < 2_000_000, () -> e.file() + " has " + params + " parameters");
        }
    }
}
