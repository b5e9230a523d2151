package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.guidancelab.bench.NativeBuildBench;
import org.guidancelab.platform.CpuBuild;
import org.guidancelab.platform.CpuInfo;
import org.guidancelab.platform.MeasuredBuild;

/** {@code bench --native-builds}: times the builds this CPU can run, prints the table and records the fastest. */
final class NativeBuildChoice {
    private NativeBuildChoice() {
    }

    static int measureAndRecord(int steps, int warmup, int threads, PrintWriter out) throws IOException, InterruptedException {
        CpuInfo cpu = CpuInfo.read();
        List<CpuBuild> builds = NativeBuildBench.candidates(cpu.flags());
        out.println("cpu: " + cpu.signature());
        out.println("builds this CPU can run: " + builds.stream().map(CpuBuild::label).collect(Collectors.joining(", ")));
        List<NativeBuildBench.Score> scores = NativeBuildBench.measure(builds, steps, warmup, threads, out);
        if (scores.isEmpty()) {
            out.println("error: no build could be timed; nothing recorded");
            return 1;
        }
        for (NativeBuildBench.Score s : scores) {
            out.printf(Locale.ROOT, "%-18s geometric mean %.2f steps/s  %s%n", s.build().label(), s.geometricMean(),
                    s.stepsPerSecond());
        }
        NativeBuildBench.Score best = NativeBuildBench.fastest(scores);
        Path file = MeasuredBuild.defaultFile();
        String summary = scores.stream().map(s -> String.format(Locale.ROOT, "%s=%.2f", s.build().label(), s.geometricMean()))
                .collect(Collectors.joining(", "));
        MeasuredBuild.write(file, cpu.signature(), best.build(), summary);
        out.println("fastest: " + best.build().label() + "; recorded in " + file
                + " (the app and the CLI load it from their next start on this CPU)");
        out.flush();
        return 0;
    }
}
