package org.guidancelab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.LayerType;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TapPair;
import org.junit.jupiter.api.Test;

class EditsTest {
    private final ExperimentSpec start = Starters.newExperiment();

    private static List<String> names(NetworkSpec n) {
        return n.layers().stream().map(LayerSpec::name).toList();
    }

    private static ExperimentSpec apply(ExperimentSpec s, Optional<Command> c) {
        return c.orElseThrow().change().apply(s);
    }

    @Test
    void movingWithinALaneCountsGapsBeforeTheMove() {
        ExperimentSpec s = apply(start, Edits.move(start, new BlockRef(Lane.TARGET, 4), Lane.TARGET, 2));
        assertEquals(List.of("input", "flatten", "dense3", "dense1", "dense2", "logits"), names(s.target()));
        ExperimentSpec r = apply(start, Edits.move(start, new BlockRef(Lane.TARGET, 2), Lane.TARGET, 5));
        assertEquals(List.of("input", "flatten", "dense2", "dense3", "dense1", "logits"), names(r.target()));
        assertTrue(Edits.move(start, new BlockRef(Lane.TARGET, 2), Lane.TARGET, 3).isEmpty(), "dropping a block next to itself is no edit");
    }

    @Test
    void movingAcrossLanesRenamesOnCollision() {
        ExperimentSpec s = apply(start, Edits.move(start, new BlockRef(Lane.GUIDE, 5), Lane.TARGET, 3));
        assertEquals(5, s.guide().size());
        assertEquals("logits2", s.target().layer(3).name());
    }

    @Test
    void duplicateAndPasteUseFreshNames() {
        Command d = Edits.duplicate(start, new BlockRef(Lane.TARGET, 2));
        ExperimentSpec s = d.change().apply(start);
        assertEquals(List.of("input", "flatten", "dense1", "dense4", "dense2", "dense3", "logits"), names(s.target()));
        assertEquals(new BlockRef(Lane.TARGET, 3), d.selectAfter());
        ExperimentSpec p = Edits.insert(start, Lane.GUIDE, 1, start.guide().layer(1)).change().apply(start);
        assertEquals("conv3", p.guide().layer(1).name());
    }

    @Test
    void addingAPairSwitchesToManualPairsStartingFromTheRule() {
        List<TapPair> rule = start.resolvedPairs();
        ExperimentSpec s = apply(start, Edits.addPair(start, new TapPair("conv1", "dense3")));
        assertEquals(Pairing.Mode.MANUAL, s.pairing().mode());
        assertEquals(rule.size() + 1, s.resolvedPairs().size());
        assertTrue(s.resolvedPairs().containsAll(rule));
        assertThrows(IllegalArgumentException.class, () -> Edits.addPair(start, new TapPair("pool1", "dense1")),
                "pool1 is not a tap");
    }

    @Test
    void reconnectRemoveAndResetPairs() {
        TapPair first = start.resolvedPairs().get(0);
        ExperimentSpec s = apply(start, Edits.reconnect(start, first, new TapPair(first.guideTap(), "dense2")));
        assertTrue(s.resolvedPairs().contains(new TapPair(first.guideTap(), "dense2")));
        assertTrue(!s.resolvedPairs().contains(first));
        ExperimentSpec r = apply(s, Edits.removePair(s, new TapPair(first.guideTap(), "dense2")));
        assertEquals(start.resolvedPairs().size() - 1, r.resolvedPairs().size());
        ExperimentSpec back = apply(r, Edits.resetPairing(r));
        assertEquals(start, back);
        assertTrue(Edits.resetPairing(start).isEmpty());
    }

    @Test
    void manualPairsFollowRenamesAndLoseDeletedTaps() {
        ExperimentSpec manual = start.withPairing(Pairing.manual(List.of(new TapPair("conv1", "dense1"), new TapPair("gap", "dense3"))));
        ExperimentSpec renamed = apply(manual, Edits.editField(manual, new BlockRef(Lane.TARGET, 2), "name", "hidden"));
        assertEquals(List.of(new TapPair("conv1", "hidden"), new TapPair("gap", "dense3")), renamed.pairing().pairs());
        ExperimentSpec deleted = Edits.remove(renamed, new BlockRef(Lane.TARGET, 4)).change().apply(renamed);
        assertEquals(List.of(new TapPair("conv1", "hidden")), deleted.pairing().pairs());
        ExperimentSpec untapped = apply(deleted, Edits.toggleTap(deleted, new BlockRef(Lane.GUIDE, 1)));
        assertEquals(List.of(), untapped.pairing().pairs());
    }

    @Test
    void replacingANetworkAndTogglingTaps() {
        NetworkSpec small = new NetworkSpec("tiny", List.of(Layers.Input.real("in", 1, 28, 28), new Layers.Flatten("f", false),
                new Layers.Output("out", 10, false)));
        ExperimentSpec s = apply(start, Edits.replaceNetwork(start, Lane.GUIDE, small));
        assertEquals(small, s.guide());
        assertTrue(Edits.replaceNetwork(s, Lane.GUIDE, small).isEmpty());
        assertTrue(Edits.toggleTap(start, new BlockRef(Lane.TARGET, 0)).isEmpty(), "inputs never tap");
    }

    @Test
    void paletteDefaultsFitWhereTheyLand() {
        for (LayerType t : LayerType.values()) {
            Command c = Edits.insertNew(start, Lane.TARGET, 2, t);
            ExperimentSpec s = c.change().apply(start);
            assertEquals(t, LayerType.of(s.target().layer(2)), t.name());
        }
        ExperimentSpec withResidual = Edits.insertNew(start, Lane.TARGET, 3, LayerType.RESIDUAL).change().apply(start);
        Layers.Residual r = (Layers.Residual) withResidual.target().layer(3);
        assertTrue(r.block().get(0) instanceof Layers.Dense, "after a vector, a residual block of Dense layers");
        ExperimentSpec convRes = Edits.insertNew(start, Lane.GUIDE, 2, LayerType.RESIDUAL).change().apply(start);
        assertTrue(((Layers.Residual) convRes.guide().layer(2)).block().get(0) instanceof Layers.Conv2D);
        assertTrue(org.guidancelab.arch.ShapeInference.analyze(convRes.guide()).valid());
    }
}
