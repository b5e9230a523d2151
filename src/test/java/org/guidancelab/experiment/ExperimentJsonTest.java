package org.guidancelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.api.Test;

class ExperimentJsonTest {

    static NetworkSpec mlp(String name, int in, int classes) {
        return new NetworkSpec(name, List.of(Layers.Input.real("in", in), Layers.Dense.of(name + "-fc1", 8, ActivationFn.RELU),
                Layers.Dense.of(name + "-fc2", 8, ActivationFn.RELU), new Layers.Output("out", classes, false)));
    }

    static ExperimentSpec small() {
        return new ExperimentSpec("t", "d", mlp("g", 2, 2), mlp("t", 2, 2), new DatasetSpec("spirals", Map.of("train", 100)),
                List.of(ArmSpec.baseline("base"), ArmSpec.guidedUntrained("guided")), TrainingSpec.defaults(), Pairing.rule());
    }

    /** A small experiment file; line 9 holds the target's second layer. */
    static String file(String targetLayer, String training) {
        return String.join("\n",
                "{",
                "  \"schemaVersion\": 1,",
                "  \"dataset\": {\"name\": \"spirals\"},",
                "  \"guide\": {\"name\": \"g\", \"layers\": [",
                "    {\"type\": \"Input\", \"name\": \"in\", \"shape\": [2]},",
                "    {\"type\": \"Dense\", \"name\": \"g1\", \"units\": 8, \"activation\": \"relu\"},",
                "    {\"type\": \"Output\", \"name\": \"out\", \"classes\": 2}]},",
                "  \"target\": {\"name\": \"t\", \"layers\": [{\"type\": \"Input\", \"name\": \"in\", \"shape\": [2]},",
                "    " + targetLayer + ",",
                "    {\"type\": \"Output\", \"name\": \"out\", \"classes\": 2}]},",
                "  \"training\": " + training + ",",
                "  \"arms\": [{\"name\": \"base\", \"kind\": \"baseline\"},",
                "           {\"name\": \"guided\", \"kind\": \"guided-untrained\"}]",
                "}");
    }

    static final String DENSE = "{\"type\": \"Dense\", \"name\": \"t1\", \"units\": 8}";

    @Test
    void roundTripKeepsEveryField() throws Exception {
        ArmSpec warm = new ArmSpec("warm", ArmKind.GUIDED_TRAINED, 100, "models/guide.zip", 150, true, 20, 2.5, 0.5);
        ExperimentSpec spec = small()
                .withArms(List.of(ArmSpec.baseline("base"), warm, ArmSpec.distillation("kd", 0, 3.0, 0.7),
                        ArmSpec.guidedUntrained("noise-warmup").withNoisePrephaseSteps(30).withTaskGuidance(false)))
                .withTraining(new TrainingSpec(0.5, OptimizerKind.ADAMW, 3e-4, 0.8, 0.05, 1.0, 32, 500, 25, 100, 7L))
                .withPairing(Pairing.manual(List.of(new TapPair("g-fc1", "t-fc2"), new TapPair("g-fc2", "t-fc2"))))
                .withDataset(new DatasetSpec("blobs", Map.of("classes", 2, "spread", 0.25, "colour", false, "path", "a/b",
                        "list", List.of(1, 2), "nested", Map.of("x", 1.5))));
        String json = ExperimentJson.write(spec);
        assertEquals(spec, ExperimentJson.parse(json, "written"));
        assertTrue(json.contains("\"kind\": \"guided-trained\""), json);
        assertTrue(json.contains("\"taskGuidance\": false"), json);
    }

    @Test
    void omittedPartsTakeDefaults() throws Exception {
        ExperimentSpec spec = ExperimentJson.parse(file(DENSE, "{\"steps\": 200}"), "x.json");
        assertEquals(TrainingSpec.defaults().withSteps(200), spec.training());
        assertEquals(Pairing.rule(), spec.pairing());
        assertEquals(ArmSpec.guidedUntrained("guided"), spec.arms().get(1));
        assertEquals(Map.of(), spec.dataset().params());
        assertEquals("", spec.title());
    }

    @Test
    void errorsInsideANetworkNameTheLineAndPath() {
        SpecFormatException e = assertThrows(SpecFormatException.class,
                () -> ExperimentJson.parse(file("{\"type\": \"Dense\", \"name\": \"t1\", \"units\": \"ten\"}", "{}"), "exp.json"));
        assertEquals("exp.json:9 at $.target.layers[1].units: units: expected a whole number, got \"ten\"", e.getMessage());
    }

    @Test
    void wrongTypesAndUnknownValuesInTrainingAndArms() {
        SpecFormatException batch = assertThrows(SpecFormatException.class,
                () -> ExperimentJson.parse(file(DENSE, "{\"batchSize\": \"big\"}"), "exp.json"));
        assertEquals("$.training.batchSize", batch.jsonPath());
        assertEquals(11, batch.line());
        SpecFormatException opt = assertThrows(SpecFormatException.class,
                () -> ExperimentJson.parse(file(DENSE, "{\"optimizer\": \"adagrad\"}"), "exp.json"));
        assertEquals("optimizer: unknown value \"adagrad\"; expected one of adam, adamw, sgd", opt.problem());
        SpecFormatException arm = assertThrows(SpecFormatException.class, () -> ExperimentJson.parse(
                file(DENSE, "{}").replace("\"guided-untrained\"", "\"guided-random\""), "exp.json"));
        assertEquals(13, arm.line());
        assertTrue(arm.problem().contains("baseline, guided-untrained, guided-trained, distillation"), arm.problem());
        SpecFormatException typo = assertThrows(SpecFormatException.class,
                () -> ExperimentJson.parse(file(DENSE, "{\"learningrate\": 0.1}"), "exp.json"));
        assertTrue(typo.problem().contains("did you mean \"learningRate\"?"), typo.problem());
    }

    @Test
    void networkAndExperimentFilesShareTheSchemaVersion() {
        assertEquals(ExperimentSpec.SCHEMA_VERSION, org.guidancelab.arch.SpecJson.SCHEMA_VERSION);
    }

    @Test
    void newerSchemaIsRefused() {
        SpecFormatException e = assertThrows(SpecFormatException.class,
                () -> ExperimentJson.parse(file(DENSE, "{}").replace("\"schemaVersion\": 1", "\"schemaVersion\": 7"), "exp.json"));
        assertEquals("exp.json:2 at $.schemaVersion: written by a newer Guidance Lab (schema 7); this version reads schema 1",
                e.getMessage());
    }

    @Test
    void locationsOutliveParsing() throws Exception {
        ParsedExperiment p = ExperimentJson.parseLocated(file(DENSE, "{\"steps\": 200}"), "exp.json");
        assertEquals(9, p.lineOf("$.target.layers[1].units"));
        assertEquals(9, p.lineOf("$.target.layers[1].activation"), "an omitted field falls back to its layer");
        assertEquals(11, p.lineOf("$.training.batchSize"));
        assertEquals(13, p.lineOf("$.arms[1].name"));
        assertEquals(1, p.lineOf("$.pairing.pairs"));
    }

    @Test
    void everyTruncationOfAPresetIsAReadableError() throws Exception {
        String demo = java.nio.file.Files.readString(java.nio.file.Path.of("presets/teaching-demo.json")).trim();
        for (int c = 0; c < demo.length() - 1; c += 5) {
            int cut = c;
            String part = demo.substring(0, cut);
            SpecFormatException e = assertThrows(SpecFormatException.class, () -> ExperimentJson.parse(part, "cut.json"),
                    "cut at " + cut);
            assertTrue(e.line() >= 1 || cut == 0, () -> "cut at " + cut + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("cut.json"), e.getMessage());
        }
    }
}
