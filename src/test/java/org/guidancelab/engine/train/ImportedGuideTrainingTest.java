package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.ImportedGuide;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.imported.GuideFiles;
import org.guidancelab.engine.imported.GuideFixtures;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * A guided run whose guide is a Keras h5 file, or the same network converted from ONNX to a SameDiff .sdz: the target trains with the CKA term toward the imported guide's taps
 * (from the tap cache), and the guide's weights after training are bit for bit those of the file.
 */
class ImportedGuideTrainingTest {

    private static TaskData images() {
        Random r = new Random(5);
        int n = 48;
        float[] x = new float[n * 144];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            for (int k = 0; k < 144; k++) {
                x[i * 144 + k] = (float) (r.nextGaussian() + (y[i] == 1 && k % 12 < 6 ? 0.8 : 0));
            }
        }
        Split s = new Split(n, x, y);
        return new TaskData("images", new int[] {1, 12, 12}, false, 0, 2, 1, s, s, s);
    }

    @Test
    void guidedRunTrainsTowardTheImportedGuideAndLeavesItsWeightsUntouched() throws Exception {
        guidedRunLeavesTheGuideUntouched("cnn-functional.h5");
    }

    /** The same CNN converted from ONNX (a SameDiff .sdz): its constants are what a guided run must not change. */
    @Test
    void guidedRunWithAConvertedOnnxGuideLeavesItsWeightsUntouched() throws Exception {
        guidedRunLeavesTheGuideUntouched("onnx/cnn-functional.sdz");
    }

    private static void guidedRunLeavesTheGuideUntouched(String fixture) throws Exception {
        String file = GuideFixtures.file(fixture).toString();
        NetworkSpec guide = NetworkSpec.imported("imported-cnn", new ImportedGuide(file, List.of("relu1", "relu2", "conv3"), null));
        NetworkSpec target = new NetworkSpec("fcn", List.of(Layers.Input.real("x", 1, 12, 12),
                new Layers.Flatten("flat", false), Layers.Dense.of("d1", 16, ActivationFn.RELU),
                Layers.Dense.of("d2", 16, ActivationFn.RELU), new Layers.Output("out", 2, false)));
        // 6 steps of 16 over 48 examples, a checkpoint at the end (it carries the guide's parameters)
        TrainingSpec t = new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 16, 6, 6, 6, 7L);
        ExperimentSpec spec = new ExperimentSpec("imported", "", guide, target, new DatasetSpec("images", null),
                new ArrayList<>(List.of(ArmSpec.guidedUntrained("guided"))), t, Pairing.rule());
        float[] before = GuideFiles.open(GuideFixtures.file(fixture), null).paramsView().toFloatVector();
        assertTrue(before.length > 500, "the guide's parameters: " + before.length);

        Trainer trainer = new Trainer(spec, images(), TrainerOptions.defaults().withProbeSize(16));
        RecordingListener rec = new RecordingListener();
        trainer.addListener(rec);
        assertEquals(RunStatus.FINISHED, trainer.run());

        List<TrainingEvent.Step> steps = rec.steps("guided", Phase.TASK);
        assertEquals(6, steps.size());
        for (TrainingEvent.Step s : steps) {
            double g = s.metrics().get(Metrics.GUIDANCE_LOSS);
            assertTrue(g > 0 && Double.isFinite(g), "guidance loss at step " + s.step() + ": " + g);
            assertTrue(Double.isFinite(s.metrics().get(Metrics.ckaPair(0))));
        }
        List<TrainingEvent.Checkpoint> cps = rec.of(TrainingEvent.Checkpoint.class);
        assertTrue(!cps.isEmpty(), "a checkpoint at the last step");
        float[] after = cps.get(cps.size() - 1).state().guideParams();
        assertEquals(before.length, after.length);
        assertArrayEquals(before, after, 0f); // Arrays.equals on floats: bit for bit
        for (int i = 0; i < before.length; i++) {
            assertEquals(Float.floatToRawIntBits(before[i]), Float.floatToRawIntBits(after[i]), "guide parameter " + i);
        }
    }
}
