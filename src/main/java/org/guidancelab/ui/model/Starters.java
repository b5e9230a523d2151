package org.guidancelab.ui.model;

import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;

/**
 * The experiment File > New starts from: the paper's first setting in miniature (a small CNN guides a deep
 * fully connected net on the built-in shapes images), valid as it stands, so a student can press Run at once.
 */
public final class Starters {
    private Starters() {
    }

    public static ExperimentSpec newExperiment() {
        NetworkSpec guide = new NetworkSpec("small-cnn", List.of(
                Layers.Input.real("input", 1, 28, 28),
                Layers.Conv2D.same("conv1", 8, 3, ActivationFn.RELU),
                new Layers.MaxPool2D("pool1", 2, 2, false),
                Layers.Conv2D.same("conv2", 16, 3, ActivationFn.RELU),
                new Layers.GlobalAvgPool("gap", true),
                new Layers.Output("logits", 10, false)));
        NetworkSpec target = new NetworkSpec("deep-mlp", List.of(
                Layers.Input.real("input", 1, 28, 28),
                new Layers.Flatten("flatten", false),
                Layers.Dense.of("dense1", 128, ActivationFn.RELU),
                Layers.Dense.of("dense2", 128, ActivationFn.RELU),
                Layers.Dense.of("dense3", 128, ActivationFn.RELU),
                new Layers.Output("logits", 10, false)));
        return new ExperimentSpec("Untitled experiment", "A small CNN guides a deep MLP on shapes images.",
                guide, target, new DatasetSpec("shapes", Map.of()),
                List.of(ArmSpec.baseline("unguided"), ArmSpec.guidedUntrained("guided-untrained")),
                TrainingSpec.defaults().withSteps(500), Pairing.rule());
    }
}
