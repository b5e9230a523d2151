package org.guidancelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.api.Test;

class ExperimentValidatorTest {
    private static final ExperimentSpec OK = ExperimentJsonTest.small();

    private static Map<String, String> problems(ExperimentSpec spec) {
        return ExperimentValidator.validate(spec).stream()
                .collect(Collectors.toMap(SpecProblem::jsonPath, SpecProblem::message, (a, b) -> a + " | " + b));
    }

    private static String only(ExperimentSpec spec, String path) {
        Map<String, String> p = problems(spec);
        assertEquals(List.of(path), List.copyOf(p.keySet()), p::toString);
        return p.get(path);
    }

    @Test
    void aConsistentExperimentHasNoProblems() {
        assertEquals(Map.of(), problems(OK));
    }

    @Test
    void inputMustFitTheDataset() {
        String m = only(OK.withTarget(ExperimentJsonTest.mlp("t", 3, 2)), "$.target.layers[0].shape");
        assertEquals("target: Input 'in' has shape [3] but the spirals data has examples of shape [2]: set the shape to [2]", m);
        NetworkSpec tokens = new NetworkSpec("t", List.of(Layers.Input.tokens("in", 2, 5), new Layers.Embedding("e", 5, 4, false),
                new Layers.SimpleRNN("r", 4, true), new Layers.SequencePool("p", null, true), new Layers.Output("out", 2, false)));
        assertTrue(only(OK.withTarget(tokens), "$.target.layers[0].kind").contains("set kind to real"));
    }

    @Test
    void classesAndPerTokenHeadsMustMatch() {
        assertTrue(only(OK.withGuide(ExperimentJsonTest.mlp("g", 2, 3)), "$.guide.layers[3].classes").contains("set classes to 2"));
        NetworkSpec perExample = new NetworkSpec("t", List.of(Layers.Input.tokens("in", 21, 12), new Layers.Embedding("e", 12, 8, false),
                new Layers.SimpleRNN("r", 8, true), new Layers.SequencePool("p", null, true), new Layers.Output("out", 10, false)));
        ExperimentSpec copy = OK.withDataset(new DatasetSpec("copy", Map.of())).withGuide(perExample).withTarget(perExample);
        Map<String, String> p = problems(copy);
        assertTrue(p.get("$.target.layers[4].perToken").contains("set perToken to true"), p::toString);
        assertEquals(2, p.size(), p::toString);
    }

    @Test
    void copyLengthFollowsItsParameters() throws Exception {
        assertEquals(List.of(21), DatasetShapes.of("copy", Map.of()).inputShape());
        assertEquals(List.of(9), DatasetShapes.of("copy", Map.of("maxLength", 4)).inputShape());
        assertEquals(List.of(30), DatasetShapes.of("copy", Map.of("length", 30)).inputShape());
        assertEquals(List.of(3, 32, 32), DatasetShapes.of("shapes", Map.of("colour", true)).inputShape());
        assertEquals(5, DatasetShapes.of("blobs", Map.of("classes", 5)).classes());
        assertEquals(4, DatasetShapes.of("blobs", Map.of("classes", 4.0)).classes());
        assertEquals(List.of(7), DatasetShapes.of("csv", Map.of("features", 7, "classes", 3)).inputShape());
    }

    @Test
    void datasetProblems() {
        assertTrue(only(OK.withDataset(new DatasetSpec("spiral", Map.of())), "$.dataset.name").contains("known datasets: shapes"));
        only(OK.withDataset(new DatasetSpec("csv", Map.of("classes", 2))), "$.dataset.params.features");
        assertTrue(only(OK.withDataset(new DatasetSpec("blobs", Map.of("classes", 2.5))), "$.dataset.params.classes")
                .contains("whole number"));
        only(OK.withDataset(new DatasetSpec("parity", Map.of("minLength", 9, "maxLength", 4))), "$.dataset.params.minLength");
    }

    @Test
    void datasetParametersTheDataWouldRefuseAreProblemsBeforeAnythingLoads() {
        String dataset = OK.dataset().name();
        assertTrue(only(OK.withDataset(new DatasetSpec(dataset, Map.of("train", -5))), "$.dataset.params.train")
                .contains("between 0 and"));
        assertTrue(only(OK.withDataset(new DatasetSpec(dataset, Map.of("trian", 5))), "$.dataset.params.trian")
                .contains("unknown parameter 'trian'"));
        assertTrue(only(OK.withDataset(new DatasetSpec(dataset, Map.of("seed", 1.5))), "$.dataset.params.seed")
                .contains("seed"));
        assertEquals(Map.of(), problems(OK.withDataset(new DatasetSpec(dataset, Map.of("train", 40, "seed", 3)))));
    }

    @Test
    void shapeErrorsBecomeProblemsAtTheLayerField() {
        NetworkSpec bad = new NetworkSpec("t", List.of(Layers.Input.real("in", 2), Layers.Dense.of("fc", 8, ActivationFn.RELU),
                new Layers.Residual("res", List.of(new Layers.Conv2D("c1", 4, 3, 1, 0, null, false)), null, null, true),
                new Layers.Output("out", 2, false)));
        String m = only(OK.withTarget(bad), "$.target.layers[2].block[0]");
        assertTrue(m.startsWith("target: Residual 'res' > Conv2D 'c1' needs a [C,H,W] input"), m);
    }

    @Test
    void manualPairsMustNameTaps() {
        ExperimentSpec spec = OK.withPairing(Pairing.manual(List.of(new TapPair("g-fc1", "t-fc9"), new TapPair("out", "t-fc1"))));
        Map<String, String> p = problems(spec);
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.get("$.pairing.pairs[0].target").contains("no layer 't-fc9'; its taps are [t-fc1, t-fc2]"));
        assertTrue(p.get("$.pairing.pairs[1].guide").contains("layer 'out' is not tapped"));
        only(OK.withPairing(Pairing.manual(List.of())), "$.pairing.pairs");
    }

    @Test
    void guidanceNeedsTaps() {
        NetworkSpec untapped = new NetworkSpec("t", List.of(Layers.Input.real("in", 2),
                new Layers.Dense("fc", 8, ActivationFn.RELU, true, false), new Layers.Output("out", 2, false)));
        assertTrue(only(OK.withTarget(untapped), "$.target").contains("no tapped layer"));
        assertEquals(Map.of(), problems(OK.withTarget(untapped).withArms(List.of(ArmSpec.baseline("b")))));
    }

    @Test
    void armsAreCheckedOneByOne() {
        ExperimentSpec spec = OK.withTraining(TrainingSpec.defaults().withSteps(100)).withArms(List.of(
                ArmSpec.baseline("a"), ArmSpec.baseline("a"), ArmSpec.guidedUntrained("warm").withGuidanceSteps(150),
                ArmSpec.guidedTrained("trained", 0), ArmSpec.distillation("kd", 0, 0.0, 1.0),
                ArmSpec.guidedUntrained("never").withTaskGuidance(false),
                ArmSpec.guidedUntrained("noise-warmup").withTaskGuidance(false).withNoisePrephaseSteps(10),
                ArmSpec.baseline("plain").withTaskGuidance(false)));
        Map<String, String> p = problems(spec);
        assertTrue(p.get("$.arms[1].name").contains("two arms are called 'a'"), p::toString);
        assertTrue(p.get("$.arms[2].guidanceSteps").contains("the run has only 100"), p::toString);
        assertTrue(p.get("$.arms[3].guideTrainSteps").contains("trained guide"), p::toString);
        assertTrue(p.get("$.arms[4].distillTemperature").contains("above 0"), p::toString);
        assertTrue(p.get("$.arms[5].taskGuidance").contains("never guided"), p::toString);
        assertTrue(p.get("$.arms[7].taskGuidance").contains("applies only to guided arms"), p::toString);
        assertEquals(6, p.size(), p::toString);
        only(OK.withArms(List.of()), "$.arms");
    }

    @Test
    void hyperParametersInRange() {
        TrainingSpec bad = new TrainingSpec(-1, OptimizerKind.SGD, 0, 1.0, -0.1, -1, 1, 0, 0, -5, 1L);
        Map<String, String> p = problems(OK.withTraining(bad));
        assertEquals(List.of("$.training.alpha", "$.training.batchSize", "$.training.checkpointInterval", "$.training.evalInterval",
                "$.training.gradClip", "$.training.learningRate", "$.training.momentum", "$.training.steps", "$.training.weightDecay"),
                p.keySet().stream().sorted().toList());
        assertTrue(p.get("$.training.batchSize").contains("CKA compares examples within a batch and needs at least 2"));
    }
}
