package org.guidancelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.guidancelab.bench.BenchReport;
import org.guidancelab.bench.BenchResult;
import org.guidancelab.bench.GuidedBench;
import org.guidancelab.bench.HeatmapBench;
import org.guidancelab.bench.MachineInfo;
import org.guidancelab.bench.MemoryBench;
import org.guidancelab.bench.PeerRun;
import org.guidancelab.bench.SettleRule;
import org.guidancelab.bench.Workload;
import org.guidancelab.platform.Backends;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.platform.ProcessSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: guided-training throughput on the standard workloads (docs/BENCHMARK.md), optionally beside the peer. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures guided and unguided training steps/s on the standard workloads (docs/BENCHMARK.md),",
                "and the time of one full CKA heatmap (24 target x 8 guide taps, probe of 512).",
                "Each mode warms up until its step time settles, then timed blocks alternate unguided, guided, ...",
                "--repeats times; medians and spreads are printed, with the machine, build and load.",
                "With --peer, runs the PyTorch peer on the same workload right after, the same way, and prints the ratios."})
public final class BenchCommand implements Callable<Integer> {
    static final String ALL = "all";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workload", defaultValue = "all", converter = WorkloadNames.class, description = "mlp, fcn-cnn, rnn-transformer, convnet, transformer-rnn, lstm-transformer or all (default: ${DEFAULT-VALUE})")
    String workload;

    @Option(names = "--threads", defaultValue = "1", converter = MinInt.One.class, description = "compute threads, for both us and the peer (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--steps", defaultValue = "50", converter = MinInt.Two.class, description = "timed steps per block, one block per mode and repeat (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--repeats", defaultValue = "5", converter = MinInt.One.class, description = "timed blocks per mode, alternated unguided/guided (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--warmup", defaultValue = "20", converter = MinInt.Zero.class, description = "untimed steps at least, per mode (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--settle", paramLabel = "PERCENT", defaultValue = "5", converter = MinInt.Zero.class,
            description = "warm up until two consecutive windows' step times differ by at most PERCENT; 0 = exactly --warmup steps (default: ${DEFAULT-VALUE})")
    int settlePercent;

    @Option(names = "--settle-window", defaultValue = "10", converter = MinInt.One.class, description = "steps per warm-up window (default: ${DEFAULT-VALUE})")
    int settleWindow;

    @Option(names = "--warmup-cap", defaultValue = "300", converter = MinInt.Zero.class, description = "most warm-up steps per mode, settled or not (default: ${DEFAULT-VALUE})")
    int warmupCap;

    @Option(names = "--markdown", description = "also print the results as the Markdown table of docs/PERFORMANCE.md")
    boolean markdown;

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
        SettleRule rule = settleRule();
        String method = String.format(Locale.ROOT, "%d repeat%s x %d steps per mode, blocks alternated unguided/guided; %s",
                repeats, repeats == 1 ? "" : "s", steps, rule.describe());
        MachineInfo.header(threads, method).forEach(out::println);
        out.flush();
        List<BenchReport.Row> rows = new java.util.ArrayList<>();
        for (Workload w : workloads) {
            BenchResult ours = new GuidedBench(w, steps, repeats, rule).withGuideCache(!noGuideCache).run(threads);
            out.println(ours.lines());
            out.println(ours.spreadLines("ours"));
            BenchResult theirs = null;
            if (peer != null) {
                try {
                    theirs = PeerRun.run(python, peer, w, threads, steps, repeats, rule);
                    out.println(theirs.spreadLines("peer"));
                    out.println(ratioLine(ours, theirs));
                } catch (java.io.IOException e) {
                    err.println("bench: " + e.getMessage());
                }
            }
            rows.add(new BenchReport.Row(ours, theirs));
            out.flush();
        }
        HeatmapBench.Timing heatmap = null;
        if (!noHeatmap) {
            heatmap = HeatmapBench.time(Math.max(10, 2 * repeats));
            out.println(BenchReport.heatmapLine(heatmap));
        }
        out.println("load average at the end: " + MachineInfo.loadAverage());
        if (markdown) {
            out.println();
            BenchReport.markdown(rows, heatmap).forEach(out::println);
        }
        return 0;
    }

    /** The warm-up rule from the options: settle within --settle percent, or a fixed --warmup when it is 0. */
    SettleRule settleRule() {
        return settlePercent == 0 ? SettleRule.fixed(warmup)
                : new SettleRule(warmup, settleWindow, settlePercent / 100.0, Math.max(warmup, warmupCap));
    }

    /** The --workload values: each workload's name, or all of them. */
    static final class WorkloadNames extends Choice {
        WorkloadNames() {
            super(Stream.concat(Arrays.stream(Workload.values()).map(Workload::cliName), Stream.of(ALL)).toList());
        }
    }

    static String ratioLine(BenchResult ours, BenchResult peer) {
        return BenchReport.ratioLine(ours, peer);
    }
}
