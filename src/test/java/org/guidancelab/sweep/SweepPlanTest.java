package org.guidancelab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.guidancelab.arch.Layers;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.PresetEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expansion of a sweep into cells: the grid's product, ranges, seeds, the settings each path changes, --steps. */
class SweepPlanTest {
    @TempDir
    Path dir;

    private SweepPlan plan(String body) throws Exception {
        return SweepFixtures.plan(SweepFixtures.writeSweep(dir, "s.json", 40, body));
    }

    private static ArmSpec arm(SweepCell c, String name) {
        return c.experiment().arms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theCellsAreTheProductOfTheAxesAndTheSeedsWithReadableStableIds() throws Exception {
        SweepPlan p = plan("  \"axes\": [\n    {\"path\": \"training.alpha\", \"values\": [0.3, 1, 3]},\n"
                + "    {\"name\": \"lr\", \"path\": \"training.learningRate\", \"values\": [0.01, 0.001]}\n  ],\n"
                + "  \"seeds\": 2");
        assertEquals(12, p.cells().size());
        assertEquals(List.of("alpha=0.3,lr=0.01,seed=1", "alpha=0.3,lr=0.01,seed=2", "alpha=0.3,lr=0.001,seed=1",
                "alpha=0.3,lr=0.001,seed=2", "alpha=1,lr=0.01,seed=1"), p.cells().stream().limit(5).map(SweepCell::id).toList());
        SweepCell c = p.cell("alpha=3,lr=0.001,seed=2");
        assertNotNull(c);
        assertEquals(3.0, c.experiment().training().alpha());
        assertEquals(0.001, c.experiment().training().learningRate());
        assertEquals(5L + 1, c.experiment().training().seed(), "seed k trains with the base's seed + k - 1");
        assertEquals(5L, p.cell("alpha=3,lr=0.001,seed=1").experiment().training().seed());
        assertEquals("Tiny (alpha=3,lr=0.001,seed=2)", c.experiment().title());
        assertEquals(c.experiment().dataset(), p.base().dataset(), "the dataset stays fixed across seeds");
        assertEquals(plan("  \"axes\": [\n    {\"path\": \"training.alpha\", \"values\": [0.3, 1, 3]},\n"
                + "    {\"name\": \"lr\", \"path\": \"training.learningRate\", \"values\": [0.01, 0.001]}\n  ],\n"
                + "  \"seeds\": 2").cells().stream().map(SweepCell::id).toList(), p.cells().stream().map(SweepCell::id).toList());
    }

    @Test
    void logAndLinearRangesGiveRoundedValuesAndWholeNumbersForWholeSettings() throws Exception {
        SweepPlan p = plan("  \"axes\": [{\"path\": \"training.alpha\", \"range\": {\"from\": 0.1, \"to\": 10, \"count\": 5, "
                + "\"scale\": \"log\"}}]");
        Axis a = p.axes().get(0);
        assertEquals(List.of("0.1", "0.3162", "1", "3.162", "10"), a.labels());
        assertTrue(a.log());
        assertEquals(0.3162, p.cell("alpha=0.3162,seed=1").experiment().training().alpha());
        SweepPlan w = plan("  \"axes\": [{\"name\": \"width\", \"path\": \"target.layers[*].units\", "
                + "\"range\": {\"from\": 16, \"to\": 256, \"count\": 5, \"scale\": \"log\"}}]");
        assertEquals(List.of("16", "32", "64", "128", "256"), w.axes().get(0).labels());
        SweepCell c = w.cell("width=128,seed=1");
        assertEquals(128, ((Layers.Dense) c.experiment().target().layers().get(1)).units(), "t1");
        assertEquals(128, ((Layers.Dense) c.experiment().target().layers().get(2)).units(), "t2: [*] is every Dense");
        assertEquals(3, ((Layers.Output) c.experiment().target().layers().get(3)).classes(), "the head keeps its classes");
        SweepPlan lin = plan("  \"axes\": [{\"path\": \"training.learningRate\", \"range\": {\"from\": 0.001, \"to\": 0.003, "
                + "\"count\": 3}}]");
        assertEquals(List.of("0.001", "0.002", "0.003"), lin.axes().get(0).labels());
        assertFalse(lin.axes().get(0).log());
    }

    @Test
    void aWarmupOfZeroIsABaselineAndAWarmupOfTheWholeRunIsFullGuidance() throws Exception {
        SweepPlan p = plan("  \"axes\": [{\"path\": \"arms[guided].warmup\", \"values\": [0, 10, 40]}],\n  \"seeds\": [1, 3]");
        assertEquals(ArmKind.BASELINE, arm(p.cell("warmup=0,seed=1"), "guided").kind());
        ArmSpec ten = arm(p.cell("warmup=10,seed=3"), "guided");
        assertEquals(ArmKind.GUIDED_UNTRAINED, ten.kind());
        assertEquals(10, ten.guidanceSteps());
        assertTrue(ten.guidesTaskStep(10) && !ten.guidesTaskStep(11));
        ArmSpec all = arm(p.cell("warmup=40,seed=1"), "guided");
        assertEquals(0, all.guidanceSteps(), "0 = guidance for the whole run");
        assertTrue(all.guidesTaskStep(40));
        assertEquals(ArmKind.BASELINE, arm(p.cell("warmup=10,seed=1"), "baseline").kind(), "other arms untouched");
        assertEquals(7L, p.cell("warmup=10,seed=3").experiment().training().seed());
    }

    @Test
    void stepsShortenEveryCellAndTheAxesCountedInSteps() throws Exception {
        Path f = SweepFixtures.writeSweep(dir, "s.json", 40, "  \"set\": {\"training.steps\": 300, \"training.evalInterval\": 25},\n"
                + "  \"axes\": [{\"path\": \"arms[guided].warmup\", \"values\": [0, 25, 150, 300]}]");
        SweepPlan full = SweepPlan.expand(SweepJson.read(f), PresetCatalog.load());
        assertEquals(300, full.cell("warmup=150,seed=1").experiment().training().steps());
        assertEquals(150, arm(full.cell("warmup=150,seed=1"), "guided").guidanceSteps());
        SweepPlan quick = SweepPlan.expand(SweepJson.read(f), PresetCatalog.load(), 40);
        ExperimentSpec half = quick.cell("warmup=150,seed=1").experiment();
        assertEquals(40, half.training().steps());
        assertEquals(3, half.training().evalInterval(), "25 x 40/300 rounded");
        assertEquals(20, arm(quick.cell("warmup=150,seed=1"), "guided").guidanceSteps(), "150 of 300 -> 20 of 40");
        assertEquals(3, arm(quick.cell("warmup=25,seed=1"), "guided").guidanceSteps());
        assertEquals(0, arm(quick.cell("warmup=300,seed=1"), "guided").guidanceSteps(), "still the whole run");
        assertEquals(ArmKind.BASELINE, arm(quick.cell("warmup=0,seed=1"), "guided").kind());
        assertEquals("--steps 40 (every step count x 40/300)", quick.scaling());
        assertEquals(List.of("0", "25", "150", "300"), quick.axes().get(0).labels(), "ids keep the file's values");
    }

    @Test
    void onlySelectsCellsByIdOrByPartsOfIds() throws Exception {
        SweepPlan p = plan("  \"axes\": [{\"path\": \"arms[guided].warmup\", \"values\": [0, 10, 40]}],\n  \"seeds\": 2");
        assertEquals(List.of("warmup=10,seed=2"), p.select(List.of("warmup=10,seed=2")).stream().map(SweepCell::id).toList());
        assertEquals(List.of("warmup=0,seed=1", "warmup=10,seed=1", "warmup=40,seed=1"),
                p.select(List.of("seed=1")).stream().map(SweepCell::id).toList());
        assertEquals(List.of("warmup=0,seed=2", "warmup=40,seed=1"),
                p.select(List.of("warmup=40,seed=1,warmup=0,seed=2")).stream().map(SweepCell::id).toList(),
                "an axis named again starts another cell; plan order");
        assertEquals(6, p.select(List.of()).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.select(List.of("warmup=20")));
        assertEquals("--only: warmup has no value 20; its values are 0, 10, 40", e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> p.select(List.of("alpha=1")));
        assertEquals("--only: no axis 'alpha'; the axes are warmup, seed", f.getMessage());
    }

    @Test
    void fixedSettingsLabelsAndTheBaseArmsApplyToEveryCell() throws Exception {
        Path f = SweepFixtures.writeSweep(dir, "s.json", 40, "  \"set\": {\"arms[guided].guideTrainSteps\": 5, "
                + "\"arms[guided].kind\": \"guided-trained\"},\n"
                + "  \"axes\": [{\"path\": \"pairing\", \"values\": [\"rule\", {\"label\": \"last\", \"value\": "
                + "{\"mode\": \"manual\", \"pairs\": [{\"guide\": \"g1\", \"target\": \"t2\"}]}}]}]");
        String text = java.nio.file.Files.readString(f).replace("\"base\": {\"file\": \"tiny.json\"}",
                "\"base\": {\"file\": \"tiny.json\", \"arms\": [\"guided\"]}");
        java.nio.file.Files.writeString(f, text);
        SweepPlan p = SweepFixtures.plan(f);
        assertEquals(List.of("pairing=rule,seed=1", "pairing=last,seed=1"), p.cells().stream().map(SweepCell::id).toList());
        SweepCell last = p.cell("pairing=last,seed=1");
        assertEquals(1, last.experiment().arms().size());
        assertEquals(ArmKind.GUIDED_TRAINED, last.experiment().arms().get(0).kind());
        assertEquals(5, last.experiment().arms().get(0).guideTrainSteps());
        assertEquals("t2", last.experiment().resolvedPairs().get(0).targetTap());
        assertEquals(1, last.experiment().resolvedPairs().size());
    }

    @Test
    void everySettingOfAnExperimentIsListedWithItsTypeAndRange() throws Exception {
        List<Setting> all = SettingPath.settable(SweepFixtures.tiny(40));
        Setting alpha = all.stream().filter(s -> s.path().equals("training.alpha")).findFirst().orElseThrow();
        assertEquals(SettingType.NUMBER, alpha.type());
        assertEquals("a number, at least 0", alpha.expects());
        assertEquals(1.0, alpha.current().asDouble());
        Setting warmup = all.stream().filter(s -> s.path().equals("arms[guided].warmup")).findFirst().orElseThrow();
        assertTrue(warmup.inSteps());
        assertTrue(all.stream().noneMatch(s -> s.path().equals("arms[baseline].warmup")), "a baseline has no warmup");
        Setting units = all.stream().filter(s -> s.path().equals("target.layers[t1].units")).findFirst().orElseThrow();
        assertEquals("a whole number, at least 1", units.expects());
        assertEquals(16, units.current().asInt());
        assertTrue(all.stream().anyMatch(s -> s.path().equals("dataset.params.spread")), "dataset parameters too");
        assertTrue(all.stream().anyMatch(s -> s.path().equals("pairing")));
        assertTrue(all.stream().anyMatch(s -> s.path().equals("training.optimizer") && s.choices().equals(List.of("adam", "adamw", "sgd"))));
    }

    @Test
    void everyShippedSweepExpandsAndItsCellsAreValid() throws Exception {
        PresetCatalog catalog = PresetCatalog.load();
        assertTrue(catalog.sweeps().size() >= 2, "at least the warmup and the alpha sweep: " + catalog.sweeps());
        for (PresetEntry e : catalog.sweeps()) {
            SweepPlan p = SweepPlan.expand(SweepJson.parse(e.json(), e.label(), null), catalog, 40);
            assertFalse(p.cells().isEmpty(), e.file());
        }
        PresetEntry warmup = catalog.find("sweeps/teaching-demo-warmup.json");
        assertNotNull(warmup);
        SweepPlan w = SweepPlan.expand(SweepJson.parse(warmup.json(), warmup.label(), null), catalog);
        assertEquals(List.of("0", "25", "50", "100", "150", "200", "300"), w.axes().get(0).labels());
        assertEquals(3, w.seeds().size());
        assertEquals(21, w.cells().size());
    }
}
