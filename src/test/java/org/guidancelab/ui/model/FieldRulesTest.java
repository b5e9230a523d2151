package org.guidancelab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;
import org.junit.jupiter.api.Test;

class FieldRulesTest {
    @Test
    void layerFieldsAreFoundAndRebuiltByReflection() {
        Layers.Conv2D conv = Layers.Conv2D.same("c", 8, 3, ActivationFn.RELU);
        assertEquals(List.of("name", "filters", "kernel", "stride", "padding", "activation", "tap"),
                LayerField.of(conv).stream().map(LayerField::name).toList());
        Layers.Conv2D wider = (Layers.Conv2D) LayerField.named(conv, "filters").with(conv, 32);
        assertEquals(new Layers.Conv2D("c", 32, 3, 1, 1, ActivationFn.RELU, true), wider);
        Layers.Input in = Layers.Input.real("in", 1, 28, 28);
        assertEquals("1, 28, 28", LayerField.named(in, "shape").display(in));
    }

    @Test
    void valuesAreParsedAndCheckedPerField() {
        Layers.Dense d = Layers.Dense.of("d", 4, ActivationFn.RELU);
        assertEquals(12, FieldRules.parse(d, LayerField.named(d, "units"), " 12 "));
        assertEquals(ActivationFn.TANH, FieldRules.parse(d, LayerField.named(d, "activation"), "tanh"));
        assertThrows(IllegalArgumentException.class, () -> FieldRules.parse(d, LayerField.named(d, "units"), "0"));
        Layers.Dropout drop = new Layers.Dropout("x", 0.1, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldRules.parse(drop, LayerField.named(drop, "rate"), "1.5"));
        assertEquals("rate must be at least 0 and below 1 (got 1.5)", e.getMessage());
        assertEquals(List.of(3, 32, 32), FieldRules.parseShape("shape", "[3, 32, 32]"));
        assertThrows(IllegalArgumentException.class, () -> FieldRules.parseShape("shape", "3, -1"));
        Layers.Conv2D c = Layers.Conv2D.same("c", 8, 3, ActivationFn.RELU);
        assertEquals(0, FieldRules.parse(c, LayerField.named(c, "padding"), "0"), "padding may be 0");
        assertThrows(IllegalArgumentException.class, () -> FieldRules.parse(c, LayerField.named(c, "name"), "has space"));
    }

    @Test
    void armSwitchesAddAndRemoveArmsOfAKind() {
        List<ArmSpec> arms = List.of(ArmSpec.baseline("unguided"), ArmSpec.guidedUntrained("guided"));
        List<ArmSpec> more = Arms.include(arms, ArmKind.GUIDED_TRAINED, true, 300);
        assertEquals(List.of(ArmKind.BASELINE, ArmKind.GUIDED_UNTRAINED, ArmKind.GUIDED_TRAINED),
                more.stream().map(ArmSpec::kind).toList());
        assertEquals(300, more.get(2).guideTrainSteps());
        assertEquals(List.of(ArmSpec.baseline("unguided")), Arms.include(arms, ArmKind.GUIDED_UNTRAINED, false, 0));
        List<ArmSpec> warm = Arms.withWarmup(more, 150);
        assertEquals(150, Arms.warmup(warm));
        assertEquals(0, warm.get(0).guidanceSteps(), "the baseline has no guidance to warm up");
        assertTrue(Arms.noiseGuide(Arms.withNoiseGuide(more, true)));
        assertThrows(IllegalArgumentException.class, () -> Arms.withWarmup(more, -1));
    }

    @Test
    void settingsEditsRefuseImpossibleValues() {
        var spec = Starters.newExperiment();
        assertEquals(64, SettingsEdits.training(spec, "batchSize", "64").orElseThrow().change().apply(spec).training().batchSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SettingsEdits.training(spec, "learningRate", "0"));
        assertEquals("learningRate must be above 0 (got 0.0)", e.getMessage());
        var withParams = SettingsEdits.datasetParams(spec, "size=28, train=2000, path=/data/x").orElseThrow().change().apply(spec);
        assertEquals(2000, withParams.dataset().params().get("train"));
        assertEquals("/data/x", withParams.dataset().params().get("path"));
        assertEquals("path=/data/x, size=28, train=2000", SettingsEdits.formatParams(withParams.dataset()));
        assertThrows(IllegalArgumentException.class, () -> SettingsEdits.datasetParams(spec, "size"));
    }
}
