package org.guidancelab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.LayerType;
import org.guidancelab.arch.Layers;
import org.guidancelab.experiment.ExperimentSpec;
import org.junit.jupiter.api.Test;

class ExperimentDocumentTest {
    private final ExperimentSpec start = Starters.newExperiment();

    @Test
    void theStarterExperimentIsValidAndRunnable() {
        ExperimentDocument doc = new ExperimentDocument(start, null);
        assertTrue(doc.canRun(), () -> "problems: " + doc.problems());
        assertEquals("", doc.getRunBlockedReason());
        assertFalse(doc.isDirty());
    }

    @Test
    void insertingFromThePaletteAddsANamedLayerWithItsShapeAndSelectsIt() {
        ExperimentDocument doc = new ExperimentDocument(start, null);
        doc.execute(Edits.insertNew(doc.getSpec(), Lane.TARGET, 3, LayerType.DENSE));
        var target = doc.getSpec().target();
        assertEquals(7, target.size());
        assertEquals("dense4", target.layer(3).name());
        assertTrue(target.layer(3) instanceof Layers.Dense);
        assertEquals(List.of(64), doc.analysis(Lane.TARGET).layers().get(3).outputShape());
        assertEquals(128 * 64 + 64, doc.analysis(Lane.TARGET).layers().get(3).params());
        assertEquals(new BlockRef(Lane.TARGET, 3), doc.selectionProperty().get());
        assertTrue(doc.isDirty());
    }

    @Test
    void undoAndRedoRestoreExactStatesAndTheDirtyFlag() {
        ExperimentDocument doc = new ExperimentDocument(start, Path.of("x.json"));
        doc.execute(Edits.insertNew(doc.getSpec(), Lane.TARGET, 2, LayerType.BATCH_NORM));
        ExperimentSpec afterInsert = doc.getSpec();
        doc.execute(Edits.move(doc.getSpec(), new BlockRef(Lane.TARGET, 2), Lane.TARGET, 5));
        ExperimentSpec afterMove = doc.getSpec();
        doc.execute(Edits.editField(doc.getSpec(), new BlockRef(Lane.GUIDE, 1), "filters", "12"));
        ExperimentSpec afterEdit = doc.getSpec();
        assertNotEquals(afterMove, afterEdit);

        assertTrue(doc.undo());
        assertEquals(afterMove, doc.getSpec());
        assertTrue(doc.undo());
        assertEquals(afterInsert, doc.getSpec());
        assertTrue(doc.undo());
        assertEquals(start, doc.getSpec());
        assertFalse(doc.isDirty(), "back at the saved state");
        assertFalse(doc.undo(), "nothing left to undo");

        assertTrue(doc.redo());
        assertTrue(doc.redo());
        assertTrue(doc.redo());
        assertEquals(afterEdit, doc.getSpec());
        assertTrue(doc.isDirty());
        assertFalse(doc.redo());
    }

    @Test
    void aNewEditForgetsTheRedoBranch() {
        ExperimentDocument doc = new ExperimentDocument(start, null);
        doc.execute(Edits.insertNew(doc.getSpec(), Lane.TARGET, 2, LayerType.DROPOUT));
        doc.undo();
        assertTrue(doc.canRedoProperty().get());
        doc.execute(Edits.insertNew(doc.getSpec(), Lane.GUIDE, 1, LayerType.BATCH_NORM));
        assertFalse(doc.canRedoProperty().get());
    }

    @Test
    void theHistoryIsBounded() {
        UndoHistory h = new UndoHistory(3);
        List<ExperimentSpec> states = new ArrayList<>();
        ExperimentSpec s = start;
        for (int i = 0; i < 5; i++) {
            ExperimentSpec next = s.withTraining(s.training().withSteps(100 + i));
            h.push(new UndoHistory.Entry("e" + i, s, next));
            states.add(s);
            s = next;
        }
        assertEquals(3, h.undoSize());
        assertEquals(states.get(4), h.undo().orElseThrow().before());
        assertEquals(states.get(3), h.undo().orElseThrow().before());
        assertEquals(states.get(2), h.undo().orElseThrow().before());
        assertTrue(h.undo().isEmpty(), "the two oldest edits were dropped");
        assertEquals(ExperimentDocument.HISTORY_LIMIT, 200);
    }

    @Test
    void aRefusedValueLeavesTheExperimentUntouchedAndNamesTheField() {
        ExperimentDocument doc = new ExperimentDocument(start, null);
        BlockRef dense1 = new BlockRef(Lane.TARGET, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Edits.editField(doc.getSpec(), dense1, "units", "-3"));
        assertEquals("target layer 2 'dense1' (units): units must be at least 1 (got -3)", e.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> Edits.editField(doc.getSpec(), dense1, "units", "ten"));
        assertTrue(notNumber.getMessage().contains("whole number"), notNumber.getMessage());
        assertEquals(start, doc.getSpec());
    }

    @Test
    void aKernelLargerThanItsInputIsRefusedWithShapeInferencesMessage() {
        ExperimentSpec spec = start;
        BlockRef conv2 = new BlockRef(Lane.GUIDE, 3); // after a 2x2 pool: 14x14 input
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Edits.editField(spec, conv2, "kernel", "40"));
        assertTrue(e.getMessage().startsWith("guide layer 3 'conv2' (kernel): "), e.getMessage());
        assertTrue(Edits.editField(spec, conv2, "kernel", "5").isPresent(), "a kernel that fits is fine");
    }

    @Test
    void aValidValueThatDoesNotFitTheDataBlocksRunWithTheReason() {
        ExperimentDocument doc = new ExperimentDocument(start, null);
        doc.execute(Edits.editField(doc.getSpec(), new BlockRef(Lane.TARGET, 5), "classes", "3"));
        assertFalse(doc.canRun());
        assertTrue(doc.getRunBlockedReason().contains("target layer 5 'logits'"), doc.getRunBlockedReason());
        assertEquals(1, doc.problemsAbout(Lane.TARGET, 5).size());
        doc.undo();
        assertTrue(doc.canRun());
        assertTrue(doc.problems().isEmpty());
    }

    @Test
    void renamingALayerToATakenNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Edits.editField(start, new BlockRef(Lane.TARGET, 2), "name", "dense2"));
        assertTrue(e.getMessage().contains("already called 'dense2'"), e.getMessage());
    }

    @Test
    void runRequestsReachTheHandlerOnlyWhenValid() {
        ExperimentDocument doc = new ExperimentDocument(start, Path.of("demo.json"));
        List<RunRequest> got = new ArrayList<>();
        doc.setRunHandler(got::add);
        assertTrue(doc.requestRun());
        assertEquals(new RunRequest(start, Path.of("demo.json")), got.get(0));
        doc.execute(Edits.editField(doc.getSpec(), new BlockRef(Lane.TARGET, 5), "classes", "3"));
        assertFalse(doc.requestRun());
        assertEquals(1, got.size());
    }
}
