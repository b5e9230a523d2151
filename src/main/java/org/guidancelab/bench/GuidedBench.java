package org.guidancelab.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.data.TaskData;
import org.guidancelab.bench.Alternation.Mode;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;

/**
 * Times guided training of a standard workload through the product's own trainer (the same code path as the app
 * and {@code run}), so the figure measures what users get. Recipe (docs/BENCHMARK.md): Adam lr 1e-3, alpha 1,
 * untrained seeded guide, pairs by the paper's rule. Each mode has its own trainer on its own thread
 * ({@link SteppedArm}); both warm up until their step time settles ({@link SettleRule}), then timed blocks of
 * {@code steps} steps alternate unguided, guided, unguided, ... {@code repeats} times ({@link Alternation}), so a
 * slow spell of a shared machine lands on both modes. Warm-up, the arms' start and their final evaluation are not
 * timed.
 */
public final class GuidedBench {
    private final Workload workload;
    private final int steps;
    private final int repeats;
    private final SettleRule warmup;
    private boolean guideCache = true;

    /** One timed block per mode after a fixed warm-up of {@code warmup} steps (the former behaviour). */
    public GuidedBench(Workload workload, int steps, int warmup) {
        this(workload, steps, 1, SettleRule.fixed(warmup));
    }

    public GuidedBench(Workload workload, int steps, int repeats, SettleRule warmup) {
        if (steps < 2 || repeats < 1) {
            throw new IllegalArgumentException("--steps must be at least 2 and --repeats at least 1");
        }
        this.workload = workload;
        this.steps = steps;
        this.repeats = repeats;
        this.warmup = warmup;
    }

    /** Switches the trainer's per-example cache of the frozen guide's taps (on by default, as in the product). */
    public GuidedBench withGuideCache(boolean on) {
        this.guideCache = on;
        return this;
    }

    public BenchResult run(int threads) {
        TaskData data = BenchData.of(workload, 7);
        TrainerOptions options = guideCache ? TrainerOptions.defaults() : TrainerOptions.defaults().withGuideCacheBytes(0);
        // never reached: the arms are stopped after the last block (+2 leaves the final step and its evaluation out)
        int total = warmup.capSteps() + warmup.window() + repeats * steps + 2;
        Map<Mode, SteppedArm> arms = new EnumMap<>(Mode.class);
        Map<Mode, BenchResult.Warmup> warmups = new EnumMap<>(Mode.class);
        Map<Mode, List<Double>> rates = new EnumMap<>(Mode.class);
        try {
            for (Mode m : Mode.values()) {
                ArmSpec arm = m == Mode.UNGUIDED ? ArmSpec.baseline("unguided") : ArmSpec.guidedUntrained("guided");
                arms.put(m, new SteppedArm(workload + "-" + m.label(), experiment(arm, total), data, options));
                warmups.put(m, warmUp(arms.get(m)));
                rates.put(m, new ArrayList<>());
            }
            for (Mode m : Alternation.order(repeats)) {
                rates.get(m).add(steps / arms.get(m).advance(steps));
            }
        } finally {
            arms.values().forEach(SteppedArm::close);
        }
        return new BenchResult(workload, threads, new Spread(rates.get(Mode.UNGUIDED)), new Spread(rates.get(Mode.GUIDED)),
                warmups.get(Mode.UNGUIDED), warmups.get(Mode.GUIDED));
    }

    private BenchResult.Warmup warmUp(SteppedArm arm) {
        List<Double> perStep = new ArrayList<>();
        int run = 0;
        while (!warmup.settled(perStep, run)) {
            int k = warmup.next(run);
            if (k < 1) {
                break;
            }
            perStep.add(arm.advance(k) / k);
            run += k;
        }
        return new BenchResult.Warmup(run, warmup.settledBeforeCap(perStep, run));
    }

    /** The experiment a bench arm runs: the workload's networks, no evaluation until the very end. */
    ExperimentSpec experiment(ArmSpec arm) {
        return experiment(arm, warmup.capSteps() + steps + 1);
    }

    private ExperimentSpec experiment(ArmSpec arm, int total) {
        TrainingSpec t = new TrainingSpec(1.0, OptimizerKind.ADAM, 1e-3, 0.9, 0.0, 0.0, workload.batch(), total,
                total, 0, 123L);
        return new ExperimentSpec("bench " + workload, "", workload.guide(), workload.target(),
                new DatasetSpec("bench", null), List.of(arm), t, Pairing.rule());
    }
}
