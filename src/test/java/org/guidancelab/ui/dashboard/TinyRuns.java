package org.guidancelab.ui.dashboard;

import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;

/** Experiments small enough for UI tests: 2-D blobs, MLPs of a few units, a baseline and a guided arm. */
final class TinyRuns {
    static final String BASELINE = "unguided";
    static final String GUIDED = "guided";

    private TinyRuns() {
    }

    static NetworkSpec target() {
        return new NetworkSpec("target", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("t1", 16, ActivationFn.RELU), Layers.Dense.of("t2", 16, ActivationFn.RELU),
                new Layers.Output("out", 3, false)));
    }

    static NetworkSpec guide() {
        return new NetworkSpec("guide", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("g1", 24, ActivationFn.TANH), Layers.Dense.of("g2", 12, ActivationFn.TANH),
                new Layers.Output("out", 3, false)));
    }

    static DatasetSpec blobs() {
        return new DatasetSpec("blobs", Map.of("train", 256, "validation", 96, "test", 8, "classes", 3));
    }

    static ExperimentSpec experiment(int steps, int evalInterval, OptimizerKind opt, double lr) {
        TrainingSpec t = new TrainingSpec(1.0, opt, lr, 0.9, 0.0, 0.0, 32, steps, evalInterval, 0, 7L);
        return new ExperimentSpec("tiny blobs", "", guide(), target(), blobs(),
                List.of(ArmSpec.baseline(BASELINE), ArmSpec.guidedUntrained(GUIDED)), t, Pairing.rule());
    }

    static ExperimentSpec experiment(int steps) {
        return experiment(steps, 10, OptimizerKind.ADAM, 0.01);
    }
}
