package org.guidancelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A guide named by its model file: read and written, located when wrong, refused where a frozen file cannot go. */
class ImportedGuideJsonTest {
    private static final String TARGET = "\"target\": {\"name\": \"t\", \"layers\": [{\"type\": \"Input\", \"name\": \"in\", \"shape\": [1, 28, 28]},"
            + " {\"type\": \"Flatten\", \"name\": \"f\"}, {\"type\": \"Dense\", \"name\": \"fc1\", \"units\": 8},"
            + " {\"type\": \"Dense\", \"name\": \"fc2\", \"units\": 8}, {\"type\": \"Output\", \"name\": \"out\", \"classes\": 10}]}";

    private static String experiment(String guide, String arms) {
        return "{\"schemaVersion\": 1, \"dataset\": {\"name\": \"shapes\"},\n \"guide\": " + guide + ",\n " + TARGET
                + ",\n \"arms\": [" + arms + "]}";
    }

    @Test
    void readsResolvesAndWritesAnImportedGuide() throws Exception {
        String json = experiment("{\"name\": \"k\", \"file\": \"guides/cnn.h5\", \"taps\": [\"conv1\", \"gap\"]}",
                "{\"name\": \"guided\", \"kind\": \"guided-untrained\"}");
        ExperimentSpec spec = ExperimentJson.parseLocated(json, "x.json", Path.of("/data/exp")).spec();
        assertTrue(spec.guide().isImported());
        assertEquals(Path.of("/data/exp/guides/cnn.h5"), spec.guide().imported().path());
        assertEquals(List.of("conv1", "gap"), spec.guide().tapNames());
        assertEquals(List.of(new TapPair("conv1", "fc1"), new TapPair("gap", "fc2")), spec.resolvedPairs());
        assertEquals(List.of(), ExperimentValidator.validate(spec));
        String written = ExperimentJson.write(spec);
        assertTrue(written.contains("\"file\" : \"guides/cnn.h5\"") || written.contains("\"file\": \"guides/cnn.h5\""), written);
        assertEquals(spec, ExperimentJson.parse(written, "again"));
    }

    @Test
    void malformedImportedGuidesAreLocated() {
        SpecFormatException both = assertThrows(SpecFormatException.class, () -> ExperimentJson.parse(experiment(
                "{\"file\": \"g.h5\", \"layers\": []}", "{\"name\": \"b\", \"kind\": \"baseline\"}"), "x.json"));
        assertTrue(both.getMessage().contains("x.json:2") && both.getMessage().contains("$.guide.layers"), both.getMessage());
        SpecFormatException tap = assertThrows(SpecFormatException.class, () -> ExperimentJson.parse(experiment(
                "{\"file\": \"g.h5\", \"taps\": [\"a\", 3]}", "{\"name\": \"b\", \"kind\": \"baseline\"}"), "x.json"));
        assertTrue(tap.getMessage().contains("$.guide.taps[1]"), tap.getMessage());
    }

    @Test
    void whatAFrozenImportedGuideCannotDoIsAProblem() throws Exception {
        ExperimentSpec spec = ExperimentJson.parse(experiment("{\"file\": \"g.h5\", \"taps\": []}",
                "{\"name\": \"t\", \"kind\": \"guided-trained\", \"guideTrainSteps\": 5}, {\"name\": \"kd\", \"kind\": \"distillation\"},"
                        + " {\"name\": \"g\", \"kind\": \"guided-untrained\"}"), "x.json");
        List<String> paths = ExperimentValidator.validate(spec).stream().map(SpecProblem::jsonPath).toList();
        assertEquals(List.of("$.arms[0].guideTrainSteps", "$.arms[1].kind", "$.guide.taps"), paths.stream().sorted().toList());
    }

    @Test
    void manualPairsNameTheImportedGuidesTaps() throws Exception {
        String json = experiment("{\"file\": \"g.h5\", \"taps\": [\"conv1\", \"gap\"]}",
                "{\"name\": \"g\", \"kind\": \"guided-untrained\"}");
        json = json.substring(0, json.length() - 1) + ", \"pairing\": {\"mode\": \"manual\", \"pairs\": ["
                + "{\"guide\": \"gap\", \"target\": \"fc1\"}, {\"guide\": \"conv9\", \"target\": \"fc2\"}]}}";
        ExperimentSpec spec = ExperimentJson.parse(json, "x.json");
        assertEquals(List.of(new TapPair("gap", "fc1"), new TapPair("conv9", "fc2")), spec.resolvedPairs());
        List<SpecProblem> problems = ExperimentValidator.validate(spec);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("$.pairing.pairs[1].guide", problems.get(0).jsonPath());
        assertTrue(problems.get(0).message().contains("(g.h5) has no tap 'conv9'"), problems.get(0).message());
    }
}
