package org.guidancelab.bench;

import java.util.List;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;

/**
 * Times guided training of a standard workload through the product's own trainer (the same code path as the app
 * and {@code run}), so the figure measures what users get. Recipe (docs/BENCHMARK.md): Adam lr 1e-3, alpha 1,
 * untrained seeded guide, pairs by the paper's rule; warm-up steps are excluded, and so is the trainer's final
 * evaluation (timing stops at the last step's start).
 */
public final class GuidedBench {
    private final Workload workload;
    private final int steps;
    private final int warmup;
    private boolean guideCache = true;

    public GuidedBench(Workload workload, int steps, int warmup) {
        if (steps < 2 || warmup < 0) {
            throw new IllegalArgumentException("--steps must be at least 2 and --warmup not negative");
        }
        this.workload = workload;
        this.steps = steps;
        this.warmup = warmup;
    }

    /** Switches the trainer's per-example cache of the frozen guide's taps (on by default, as in the product). */
    public GuidedBench withGuideCache(boolean on) {
        this.guideCache = on;
        return this;
    }

    public BenchResult run(int threads) {
        TaskData data = BenchData.of(workload, 7);
        double unguided = stepsPerSecond(ArmSpec.baseline("unguided"), data);
        double guided = stepsPerSecond(ArmSpec.guidedUntrained("guided"), data);
        return new BenchResult(workload, threads, unguided, guided);
    }

    /** The experiment a bench arm runs: the workload's networks, no evaluation until the very end. */
    ExperimentSpec experiment(ArmSpec arm) {
        int total = warmup + steps + 1;
        TrainingSpec t = new TrainingSpec(1.0, OptimizerKind.ADAM, 1e-3, 0.9, 0.0, 0.0, workload.batch(), total,
                total, 0, 123L);
        return new ExperimentSpec("bench " + workload, "", workload.guide(), workload.target(),
                new DatasetSpec("bench", null), List.of(arm), t, Pairing.rule());
    }

    private double stepsPerSecond(ArmSpec arm, TaskData data) {
        ExperimentSpec spec = experiment(arm);
        TrainerOptions options = guideCache ? TrainerOptions.defaults() : TrainerOptions.defaults().withGuideCacheBytes(0);
        Trainer trainer = new Trainer(spec, data, options);
        long[] marks = new long[2];
        String[] failure = new String[1];
        int first = warmup;             // the clock starts when step `warmup` has finished
        int last = warmup + steps;      // and stops when step `warmup + steps` has finished
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.TASK) {
                if (s.step() == first) {
                    marks[0] = System.nanoTime();
                } else if (s.step() == last) {
                    marks[1] = System.nanoTime();
                }
            } else if (e instanceof TrainingEvent.ArmFailed f) {
                failure[0] = f.message();
            }
        });
        if (first == 0) {
            marks[0] = System.nanoTime();
        }
        trainer.run();
        if (failure[0] != null) {
            throw new IllegalStateException(workload + " " + arm.name() + " failed: " + failure[0]);
        }
        return steps / ((marks[1] - marks[0]) / 1e9);
    }
}
