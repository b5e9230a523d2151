package org.guidancelab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;

/** Small MLPs and a synthetic Gaussian-cluster task, so engine tests run in seconds. */
public final class TinyExperiments {
    public static final int DIM = 8;
    public static final int CLASSES = 3;

    private TinyExperiments() {
    }

    /** Three Gaussian clusters in 8-d with overlap, so the task is learnable but not trivial. */
    public static TaskData clusters(long seed, int train, int val) {
        return clusters(seed, train, val, 1.5);
    }

    /** Clusters whose centres have per-axis spread {@code separation} (unit noise around them). */
    public static TaskData clusters(long seed, int train, int val, double separation) {
        Random r = new Random(seed);
        double[][] centres = new double[CLASSES][DIM];
        for (double[] c : centres) {
            for (int j = 0; j < DIM; j++) {
                c[j] = r.nextGaussian() * separation;
            }
        }
        return new TaskData("clusters", new int[] {DIM}, false, 0, CLASSES, 1,
                split(r, centres, train), split(r, centres, val), split(r, centres, 16));
    }

    private static Split split(Random r, double[][] centres, int n) {
        float[] x = new float[n * DIM];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(CLASSES);
            for (int j = 0; j < DIM; j++) {
                x[i * DIM + j] = (float) (centres[y[i]][j] + r.nextGaussian());
            }
        }
        return new Split(n, x, y);
    }

    public static NetworkSpec target() {
        return new NetworkSpec("target", List.of(Layers.Input.real("in", DIM),
                Layers.Dense.of("t1", 16, ActivationFn.RELU), Layers.Dense.of("t2", 16, ActivationFn.RELU),
                new Layers.Output("out", CLASSES, false)));
    }

    public static NetworkSpec guide() {
        return new NetworkSpec("guide", List.of(Layers.Input.real("in", DIM),
                Layers.Dense.of("g1", 24, ActivationFn.TANH), Layers.Dense.of("g2", 12, ActivationFn.TANH),
                new Layers.Output("out", CLASSES, false)));
    }

    public static TrainingSpec training(int steps) {
        return new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 32, steps, 10, 0, 7L);
    }

    public static ExperimentSpec experiment(int steps, ArmSpec... arms) {
        return new ExperimentSpec("tiny", "", guide(), target(), new DatasetSpec("clusters", null),
                new ArrayList<>(List.of(arms)), training(steps), Pairing.rule());
    }

    public static TrainerOptions options() {
        return TrainerOptions.defaults().withProbeSize(64);
    }

    /**
     * Small MLPs on 2-d blobs from the dataset factory, so the experiment validates and loads as a run's does: a
     * 16-16 ReLU target, a 32 tanh guide, evaluations every {@code evalInterval} steps.
     */
    public static ExperimentSpec blobs(String title, int steps, int evalInterval, ArmSpec... arms) {
        NetworkSpec target = new NetworkSpec("target", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("t1", 16, ActivationFn.RELU), Layers.Dense.of("t2", 16, ActivationFn.RELU),
                new Layers.Output("out", 3, false)));
        NetworkSpec guide = new NetworkSpec("guide", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("g1", 32, ActivationFn.TANH), new Layers.Output("out", 3, false)));
        return new ExperimentSpec(title, "", guide, target,
                new DatasetSpec("blobs", Map.of("train", 200, "validation", 64, "test", 10, "seed", 3)),
                List.of(arms), new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 32, steps, evalInterval, 0, 5L),
                Pairing.rule());
    }
}
