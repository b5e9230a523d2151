package org.guidancelab.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guidancelab.platform.CpuBuild;
import org.guidancelab.platform.NativeBuild;

/**
 * Times every shipped native build this CPU can run on the standard workloads, each in a JVM of its own (a JVM loads
 * one build for good), so the fastest can be recorded for this CPU.
 */
public final class NativeBuildBench {
    private static final Pattern RATE = Pattern.compile("^(\\S+) (unguided|guided) steps/s=([0-9.]+)$", Pattern.MULTILINE);

    /** One build's steps/s per "workload mode" and their geometric mean. */
    public record Score(CpuBuild build, Map<String, Double> stepsPerSecond) {
        public double geometricMean() {
            double log = 0;
            for (double v : stepsPerSecond.values()) {
                log += Math.log(v);
            }
            return stepsPerSecond.isEmpty() ? 0 : Math.exp(log / stepsPerSecond.size());
        }
    }

    private NativeBuildBench() {
    }

    /** The builds to compare: shipped and runnable on a CPU with these flags. */
    public static List<CpuBuild> candidates(Set<String> cpuFlags) {
        List<CpuBuild> out = new ArrayList<>();
        for (CpuBuild b : CpuBuild.values()) {
            if (b.shipped() && b.runsOn(cpuFlags)) {
                out.add(b);
            }
        }
        return out;
    }

    /** Runs {@code bench} in a child JVM per build; a build whose JVM fails is reported and left out. */
    public static List<Score> measure(List<CpuBuild> builds, int steps, int warmup, int threads, PrintWriter progress)
            throws IOException, InterruptedException {
        List<Score> scores = new ArrayList<>();
        for (CpuBuild b : builds) {
            progress.printf(Locale.ROOT, "timing the %s build ...%n", b.label());
            progress.flush();
            List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx2g",
                    "-cp", System.getProperty("java.class.path"), NativeBuild.jvmOption(b),
                    "org.guidancelab.Main", "bench", "--workload", "all", "--no-heatmap", "--threads", String.valueOf(threads),
                    "--steps", String.valueOf(steps), "--warmup", String.valueOf(warmup), "--repeats", "1", "--settle", "0");
            Path log = Files.createTempFile("native-build-bench", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
                Process p = pb.start();
                if (!p.waitFor(30, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                Map<String, Double> rates = parse(out);
                if (p.exitValue() != 0 || rates.isEmpty()) {
                    progress.printf(Locale.ROOT, "  the %s build failed (exit %d); left out%n", b.label(), p.exitValue());
                } else {
                    scores.add(new Score(b, rates));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        }
        return scores;
    }

    /** The "WORKLOAD MODE steps/s=R" lines of a bench output, keyed "WORKLOAD MODE". */
    static Map<String, Double> parse(String output) {
        Map<String, Double> rates = new LinkedHashMap<>();
        Matcher m = RATE.matcher(output);
        while (m.find()) {
            rates.put(m.group(1) + " " + m.group(2), Double.parseDouble(m.group(3)));
        }
        return rates;
    }

    /** The build with the highest geometric mean of steps/s. */
    public static Score fastest(List<Score> scores) {
        Score best = null;
        for (Score s : scores) {
            if (best == null || s.geometricMean() > best.geometricMean()) {
                best = s;
            }
        }
        return best;
    }
}
