package org.guidancelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.guidancelab.bench.BenchResult;
import org.guidancelab.bench.GuidedBench;
import org.guidancelab.bench.HeatmapBench;
import org.guidancelab.bench.MemoryBench;
import org.guidancelab.bench.PeerRun;
import org.guidancelab.bench.Workload;
import org.guidancelab.platform.ProcessSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: guided-training throughput on the standard workloads (docs/BENCHMARK.md), optionally beside the peer. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures guided and unguided training steps/s on the standard workloads (docs/BENCHMARK.md),",
                "and the time of one full CKA heatmap (24 target x 8 guide taps, probe of 512).",
                "With --peer, runs the PyTorch peer on the same workload right after, and prints the ratios."})
public final class BenchCommand implements Callable<Integer> {
    static final String ALL = "all";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workload", defaultValue = "all", converter = WorkloadNames.class, description = "mlp, fcn-cnn, rnn-transformer or all (default: ${DEFAULT-VALUE})")
    String workload;

    @Option(names = "--threads", defaultValue = "1", converter = MinInt.One.class, description = "compute threads, for both us and the peer (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--steps", defaultValue = "100", converter = MinInt.Two.class, description = "timed steps per mode (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "20", converter = MinInt.Zero.class, description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--no-guide-cache", description = "run the frozen guide's forward every step (no per-example tap cache)")
    boolean noGuideCache;

    @Option(names = "--no-heatmap", description = "skip the CKA heatmap timing")
    boolean noHeatmap;

    @Option(names = "--peer", converter = ExistingFile.class, description = "path of the PyTorch peer script (benchmarks/torch_guided_bench.py in the repository)")
    Path peer;

    @Option(names = "--memory", paramLabel = "STEPS", defaultValue = "0", converter = MinInt.Zero.class,
            description = "instead of timing: one long guided run of the workload (default mlp) for STEPS steps, printing heap after GC, RSS and native bytes")
    int memorySteps;

    @Option(names = "--memory-every", defaultValue = "1000", converter = MinInt.One.class, description = "steps between memory samples (default: ${DEFAULT-VALUE})")
    int memoryEvery;

    @Option(names = "--native-builds", description = "time each native build this CPU can run (a JVM each) and record the fastest for this CPU")
    boolean nativeBuilds;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", converter = NotBlank.class, description = "Python that runs the peer (default: ${DEFAULT-VALUE})")
    String python;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Workload> workloads = workload.equals(ALL) ? List.of(Workload.values()) : List.of(Workload.parse(workload));
        if (nativeBuilds) {
            return NativeBuildChoice.measureAndRecord(steps, warmup, threads, out);
        }
        out.println("backend: " + ProcessSetup.startNative(threads).summary());
        out.flush();
        if (memorySteps > 0) {
            Workload w = workload.equals(ALL) ? Workload.MLP : workloads.get(0);
            new MemoryBench(w, memorySteps, memoryEvery).run(out);
            return 0;
        }
        for (Workload w : workloads) {
            BenchResult ours = new GuidedBench(w, steps, warmup).withGuideCache(!noGuideCache).run(threads);
            out.println(ours.lines());
            if (peer != null) {
                try {
                    BenchResult theirs = PeerRun.run(python, peer, w, threads, steps, warmup);
                    out.println(ratioLine(ours, theirs));
                } catch (java.io.IOException e) {
                    err.println("bench: " + e.getMessage());
                }
            }
            out.flush();
        }
        if (!noHeatmap) {
            out.printf(Locale.ROOT, "heatmap %dx%d taps probe=%d ms=%.1f%n", 24, 8, 512, HeatmapBench.medianMillis(5));
        }
        return 0;
    }

    /** The --workload values: each workload's name, or all of them. */
    static final class WorkloadNames extends Choice {
        WorkloadNames() {
            super(Stream.concat(Arrays.stream(Workload.values()).map(Workload::cliName), Stream.of(ALL)).toList());
        }
    }

    static String ratioLine(BenchResult ours, BenchResult peer) {
        return String.format(Locale.ROOT,
                "%s peer unguided steps/s=%.2f guided steps/s=%.2f | ours/peer unguided=%.2fx guided=%.2fx"
                        + " | guided/unguided time ratio ours=%.2f peer=%.2f",
                ours.workload(), peer.unguidedStepsPerSecond(), peer.guidedStepsPerSecond(),
                ours.unguidedStepsPerSecond() / peer.unguidedStepsPerSecond(),
                ours.guidedStepsPerSecond() / peer.guidedStepsPerSecond(),
                ours.guidedOverUnguidedTime(), peer.guidedOverUnguidedTime());
    }
}
