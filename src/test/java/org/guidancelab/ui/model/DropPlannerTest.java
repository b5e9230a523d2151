package org.guidancelab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.guidancelab.arch.LayerType;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TapPair;
import org.junit.jupiter.api.Test;

class DropPlannerTest {
    private final ExperimentSpec start = Starters.newExperiment();
    private final NetworkSpec tiny = new NetworkSpec("tiny", List.of(Layers.Input.real("in", 1, 28, 28),
            new Layers.Flatten("f", false), new Layers.Output("out", 10, false)));
    private final DropPlanner planner = new DropPlanner(id -> id.equals("tiny") ? Optional.of(tiny) : Optional.empty());

    @Test
    void payloadsSurviveTheDragboard() {
        for (DragPayload p : List.of(DragPayload.palette(LayerType.LSTM), DragPayload.block(new BlockRef(Lane.GUIDE, 4)),
                DragPayload.architecture("small-cnn"), DragPayload.tap(Lane.TARGET, "dense1"),
                DragPayload.pairEnd(Lane.GUIDE, "conv1", "dense2"))) {
            assertEquals(Optional.of(p), DragPayload.decode(p.encode()));
        }
        assertEquals(new TapPair("conv1", "dense2"), DragPayload.pairEnd(Lane.GUIDE, "conv1", "dense2").pair());
        assertTrue(DragPayload.decode("nonsense").isEmpty());
        assertTrue(DragPayload.decode(42).isEmpty());
    }

    @Test
    void dropsOnALaneInsertMoveOrReplace() {
        ExperimentSpec a = planner.dropOnLane(start, DragPayload.palette(LayerType.DROPOUT), Lane.TARGET, 3).orElseThrow().change().apply(start);
        assertTrue(a.target().layer(3) instanceof Layers.Dropout);
        ExperimentSpec b = planner.dropOnLane(start, DragPayload.block(new BlockRef(Lane.TARGET, 4)), Lane.GUIDE, 0).orElseThrow().change().apply(start);
        assertEquals("dense3", b.guide().layer(0).name());
        ExperimentSpec c = planner.dropOnLane(start, DragPayload.architecture("tiny"), Lane.GUIDE, 2).orElseThrow().change().apply(start);
        assertEquals(tiny, c.guide());
        assertTrue(planner.dropOnLane(start, DragPayload.architecture("unknown"), Lane.GUIDE, 0).isEmpty());
        assertFalse(planner.acceptsOnLane(DragPayload.tap(Lane.GUIDE, "conv1")));
    }

    @Test
    void tapsAcceptOnlyTheOtherLanesNewPairsAndTheirOwnLinesEnds() {
        DragPayload fromGuide = DragPayload.tap(Lane.GUIDE, "conv1");
        assertTrue(planner.acceptsOnTap(start, fromGuide, Lane.TARGET, "dense3"));
        assertFalse(planner.acceptsOnTap(start, fromGuide, Lane.GUIDE, "conv2"), "guide to guide is no pair");
        assertFalse(planner.acceptsOnTap(start, fromGuide, Lane.TARGET, "flatten"), "flatten is not a tap");
        ExperimentSpec added = planner.dropOnTap(start, fromGuide, Lane.TARGET, "dense3").orElseThrow().change().apply(start);
        assertTrue(added.resolvedPairs().contains(new TapPair("conv1", "dense3")));

        TapPair first = start.resolvedPairs().get(0);
        DragPayload end = DragPayload.pairEnd(Lane.TARGET, first.guideTap(), first.targetTap());
        assertFalse(planner.acceptsOnTap(start, end, Lane.GUIDE, "conv2"));
        ExperimentSpec moved = planner.dropOnTap(start, end, Lane.TARGET, "dense2").orElseThrow().change().apply(start);
        assertTrue(moved.resolvedPairs().contains(new TapPair(first.guideTap(), "dense2")));
    }
}
