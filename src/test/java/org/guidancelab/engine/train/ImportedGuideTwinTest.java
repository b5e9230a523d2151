package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.NetworkJson;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.imported.GuideFixtures;
import org.guidancelab.engine.imported.ImportedGuideCheck;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.ExperimentValidator;
import org.guidancelab.experiment.PresetCatalog;
import org.junit.jupiter.api.Test;

/**
 * The imported-guide preset (a Keras h5 guide) and the same experiment with the guide built from the lab's own
 * layers and loaded with the same weights (the fixture script writes both) give the same pair CKAs and guidance
 * loss step by step: the import changes where the guide comes from, not what it computes.
 */
class ImportedGuideTwinTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void importedPresetAndItsBuiltInTwinGiveTheSameCka() throws Exception {
        ExperimentSpec preset = PresetCatalog.experiment(PresetCatalog.fromFolder(Path.of("presets")).find("imported-guide.json"));
        assertEquals(List.of(), ExperimentValidator.validate(preset));
        assertEquals(List.of(), ImportedGuideCheck.problems(preset));
        // lab scale for a test: 3 steps of the preset's batch, one guided arm
        ExperimentSpec imported = preset.withTraining(preset.training().withSteps(3).withEvalInterval(3))
                .withArms(List.of(ArmSpec.guidedUntrained("guided")))
                .withDataset(new DatasetSpec("shapes", Map.of("train", 128, "validation", 64, "test", 64, "seed", 1)));
        NetworkSpec twinGuide = NetworkJson.read(GuideFixtures.file("small-cnn-keras-twin.json"));
        ArmSpec loaded = new ArmSpec("guided", ArmKind.GUIDED_TRAINED, 0,
                GuideFixtures.file("small-cnn-keras-twin.glmodel").toString(), 0, false, 0, 4.0, 1.0);
        ExperimentSpec twin = imported.withGuide(twinGuide).withArms(List.of(loaded));
        assertEquals(imported.resolvedPairs(), twin.resolvedPairs(), "the twin's taps carry the same names");

        TaskData data = DatasetFactory.create(imported.dataset().name(), imported.dataset().params());
        List<TrainingEvent.Step> a = steps(imported, data);
        List<TrainingEvent.Step> b = steps(twin, data);
        assertEquals(3, a.size());
        assertEquals(3, b.size());
        double worst = 0;
        for (int s = 0; s < 3; s++) {
            for (int p = 0; p < imported.resolvedPairs().size(); p++) {
                double x = a.get(s).metrics().get(Metrics.ckaPair(p));
                double y = b.get(s).metrics().get(Metrics.ckaPair(p));
                assertTrue(x > 0.01, "a real CKA value: " + x);
                assertEquals(y, x, TOLERANCE, "pair " + p + " at step " + (s + 1));
                worst = Math.max(worst, Math.abs(x - y));
            }
            assertEquals(b.get(s).metrics().get(Metrics.GUIDANCE_LOSS), a.get(s).metrics().get(Metrics.GUIDANCE_LOSS), TOLERANCE);
        }
        System.out.println("imported vs built-in twin: largest pair-CKA difference " + worst);
    }

    private static List<TrainingEvent.Step> steps(ExperimentSpec spec, TaskData data) {
        Trainer trainer = new Trainer(spec, data, TrainerOptions.defaults().withProbeSize(32));
        RecordingListener rec = new RecordingListener();
        trainer.addListener(rec);
        assertEquals(RunStatus.FINISHED, trainer.run(), () -> rec.events.toString());
        return rec.steps("guided", Phase.TASK);
    }
}
