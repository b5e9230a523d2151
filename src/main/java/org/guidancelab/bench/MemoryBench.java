package org.guidancelab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;

/**
 * A long guided run of a workload through the product's trainer, sampling the footprint at intervals: Java heap in
 * use after a full GC (so only live data counts), the process RSS, and the native bytes ND4J holds through JavaCPP.
 * A steady state shows up as flat columns after the first samples; a leak per step as a steady climb.
 */
public final class MemoryBench {
    /** One sample: after {@code step} steps. */
    public record Sample(int step, double seconds, long heapUsed, long rss, long nativeBytes) {
        public String line() {
            return String.format(Locale.ROOT, "step=%d t=%.1fs heap_used_mb=%.1f rss_mb=%.1f javacpp_native_mb=%.1f",
                    step, seconds, heapUsed / 1048576.0, rss / 1048576.0, nativeBytes / 1048576.0);
        }
    }

    private final Workload workload;
    private final int steps;
    private final int every;

    public MemoryBench(Workload workload, int steps, int every) {
        if (steps < 1 || every < 1) {
            throw new IllegalArgumentException("--memory steps and interval must be positive");
        }
        this.workload = workload;
        this.steps = steps;
        this.every = every;
    }

    /** Runs the guided arm for {@code steps} steps, printing and returning a sample every {@code every} steps. */
    public List<Sample> run(PrintWriter out) {
        GuidedBench shape = new GuidedBench(workload, Math.max(2, steps - 1), 0);
        Trainer trainer = new Trainer(shape.experiment(ArmSpec.guidedUntrained("guided")), BenchData.of(workload, 7));
        List<Sample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        String[] failure = new String[1];
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.TASK && (s.step() == 1 || s.step() % every == 0)) {
                Sample m = sample(s.step(), (System.nanoTime() - t0) / 1e9);
                samples.add(m);
                out.println(m.line());
                out.flush();
            } else if (e instanceof TrainingEvent.ArmFailed f) {
                failure[0] = f.message();
            }
        });
        trainer.run();
        if (failure[0] != null) {
            throw new IllegalStateException(workload + " memory run failed: " + failure[0]);
        }
        return samples;
    }

    static Sample sample(int step, double seconds) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return new Sample(step, seconds, rt.totalMemory() - rt.freeMemory(), rss(), Pointer.totalBytes());
    }

    /** VmRSS of this process from /proc (Linux); -1 elsewhere. */
    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
