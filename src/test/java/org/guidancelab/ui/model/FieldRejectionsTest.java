package org.guidancelab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.junit.jupiter.api.Test;

/** A value refused in a field is a problem of the document, like the validator's, until fixed or reverted. */
class FieldRejectionsTest {
    private static final FieldKey STEPS = FieldKey.setting(FieldKey.TRAINING, "steps");
    private static final FieldEdit SET_STEPS = (s, v) -> SettingsEdits.training(s, "steps", v);

    private final ExperimentSpec start = Starters.newExperiment();
    private final ExperimentDocument doc = new ExperimentDocument(start, null);

    private static FieldEdit layerEdit(FieldKey key) {
        return (s, v) -> Edits.editField(s, key.block(s).orElseThrow(), key.field(), v);
    }

    @Test
    void aRefusedValueBlocksRunUntilAnAcceptedValueReplacesIt() {
        assertEquals(Optional.of("steps must be at least 1 (got -5)"), doc.enter(STEPS, "-5", SET_STEPS));
        assertEquals(start, doc.getSpec(), "not in force");
        assertEquals(Optional.of("-5"), doc.rejectedValue(STEPS));
        assertEquals(List.of(new Problem(null, -1, "Training", "steps must be at least 1 (got -5)", STEPS)), doc.problems());
        assertEquals(List.of(STEPS), doc.rejectedFields());
        assertFalse(doc.canRun());
        assertEquals("Training: steps must be at least 1 (got -5)", doc.getRunBlockedReason());
        assertFalse(doc.requestRun(), "Run does nothing while a field holds a refused value");

        assertEquals(Optional.empty(), doc.enter(STEPS, "250", SET_STEPS));
        assertEquals(250, doc.getSpec().training().steps());
        assertEquals(Optional.empty(), doc.rejectedValue(STEPS));
        assertTrue(doc.problems().isEmpty());
        assertTrue(doc.rejectedFields().isEmpty());
        assertTrue(doc.canRun());
    }

    @Test
    void enteringTheValueInForceOrRevertingForgetsTheRefusedValue() {
        doc.enter(STEPS, "abc", SET_STEPS);
        assertEquals("steps must be a whole number (got \"abc\")", doc.problems().get(0).message());
        doc.enter(STEPS, "500", SET_STEPS);
        assertTrue(doc.canRun(), "the value in force again, nothing to undo");
        assertFalse(doc.canUndoProperty().get());

        doc.enter(STEPS, "0", SET_STEPS);
        doc.revert(STEPS);
        assertTrue(doc.canRun());
        assertEquals(Optional.empty(), doc.rejectedValue(STEPS));
    }

    @Test
    void otherEditsKeepARefusedValueAndItsMessageFollowsTheBlock() {
        FieldKey units = FieldKey.layer(Lane.TARGET, "dense1", "units");
        doc.enter(units, "-5", layerEdit(units));
        assertEquals(new Problem(Lane.TARGET, 2, "", "target layer 2 'dense1' (units): units must be at least 1 (got -5)", units),
                doc.problems().get(0));
        assertEquals(1, doc.problemsAbout(Lane.TARGET, 2).size(), "the block is marked");

        doc.execute(Edits.move(doc.getSpec(), new BlockRef(Lane.TARGET, 2), Lane.TARGET, 5));
        assertEquals(new Problem(Lane.TARGET, 4, "", "target layer 4 'dense1' (units): units must be at least 1 (got -5)", units),
                doc.problems().get(0));
        doc.undo();
        assertEquals(2, doc.problems().get(0).layerIndex());
        assertFalse(doc.canRun());

        doc.execute(Edits.remove(doc.getSpec(), new BlockRef(Lane.TARGET, 2)));
        assertTrue(doc.problems().isEmpty(), "the layer is gone, and its field with it");
        assertTrue(doc.rejectedFields().isEmpty());
    }

    @Test
    void aValueRefusedOnlyInContextIsDroppedOnceTheContextAcceptsIt() {
        FieldKey name = FieldKey.layer(Lane.TARGET, "dense1", "name");
        doc.enter(name, "dense2", layerEdit(name));
        assertTrue(doc.problems().get(0).message().contains("already called 'dense2'"), doc.problems()::toString);

        FieldKey other = FieldKey.layer(Lane.TARGET, "dense2", "name");
        doc.enter(other, "hidden", layerEdit(other));
        assertTrue(doc.problems().isEmpty(), "the name is free now: the field shows the value in force again");
        assertEquals("dense1", doc.getSpec().target().layer(2).name());
    }

    @Test
    void validatorProblemsComeFirstAndLoadingForgetsRefusedValues() {
        doc.enter(STEPS, "-5", SET_STEPS);
        doc.execute(Edits.editField(doc.getSpec(), new BlockRef(Lane.TARGET, 5), "classes", "3"));
        assertEquals(2, doc.problems().size());
        assertTrue(doc.getRunBlockedReason().startsWith("target layer 5 'logits'"), doc.getRunBlockedReason());
        assertEquals(STEPS, doc.problems().get(1).field());

        doc.load(start, null);
        assertTrue(doc.problems().isEmpty());
        assertEquals(Optional.empty(), doc.rejectedValue(STEPS));
    }

    @Test
    void theValidatorsProblemsNameTheFieldThatShowsTheValue() {
        ExperimentSpec bad = start.withTraining(start.training().withBatchSize(1))
                .withDataset(new DatasetSpec("blobs", Map.of("classes", 0)))
                .withArms(List.of(ArmSpec.guidedUntrained("g").withGuidanceSteps(900)));
        List<FieldKey> fields = Validation.problems(bad).stream().map(Problem::field).toList();
        assertTrue(fields.contains(FieldKey.setting(FieldKey.TRAINING, "batchSize")), fields::toString);
        assertTrue(fields.contains(FieldKey.setting(FieldKey.DATA, "datasetParams")), fields::toString);
        assertTrue(fields.contains(FieldKey.setting(FieldKey.ARMS, "warmup")), fields::toString);

        ExperimentSpec threeClasses = Edits.editField(start, new BlockRef(Lane.TARGET, 5), "classes", "3")
                .orElseThrow().change().apply(start);
        List<Problem> logits = Validation.problems(threeClasses);
        assertEquals(FieldKey.layer(Lane.TARGET, "logits", "classes"), logits.get(0).field(), logits::toString);
    }
}
