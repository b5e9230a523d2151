package org.guidancelab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the PyTorch peer (benchmarks/torch_guided_bench.py) on the same workload right after our own measurement, the
 * same way (repeats alternated after a settled warm-up), so both figures come from one run on the same machine, and
 * parses its lines: per repeat "W repeat=I MODE steps/s=R", else (an older peer) the single "W MODE steps/s=R".
 */
public final class PeerRun {
    private static final Pattern LINE = Pattern.compile("^(\\S+) (unguided|guided) steps/s=([0-9.]+)");
    private static final Pattern REPEAT = Pattern.compile("^(\\S+) repeat=(\\d+) (unguided|guided) steps/s=([0-9.]+)");
    private static final Pattern WARMUP = Pattern.compile("^(\\S+) warmup (unguided|guided) steps=(\\d+) (settled|capped)");

    private PeerRun() {
    }

    /** The command line the peer is run with. */
    static List<String> command(String python, Path script, Workload w, int threads, int steps, int repeats, SettleRule warmup) {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--workload", w.cliName(), "--threads",
                String.valueOf(threads), "--steps", String.valueOf(steps), "--warmup", String.valueOf(warmup.minSteps()),
                "--repeats", String.valueOf(repeats)));
        if (!warmup.fixedCount()) {
            cmd.addAll(List.of("--settle", String.format(Locale.ROOT, "%.4f", warmup.tolerance()),
                    "--settle-window", String.valueOf(warmup.window()), "--warmup-cap", String.valueOf(warmup.capSteps())));
        }
        return cmd;
    }

    /** The peer's result for {@code w}, or an exception whose message quotes what the peer printed. */
    public static BenchResult run(String python, Path script, Workload w, int threads, int steps, int repeats,
                                  SettleRule warmup) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new IOException("peer script not found: " + script);
        }
        ProcessBuilder pb = new ProcessBuilder(command(python, script, w, threads, steps, repeats, warmup)).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        Process p = pb.start();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.add(line);
            }
        }
        int rc = p.waitFor();
        return parse(w, threads, out, rc);
    }

    static BenchResult parse(Workload w, int threads, List<String> out, int exitCode) throws IOException {
        double unguided = Double.NaN;
        double guided = Double.NaN;
        List<Double> unguidedRepeats = new ArrayList<>();
        List<Double> guidedRepeats = new ArrayList<>();
        BenchResult.Warmup unguidedWarmup = null;
        BenchResult.Warmup guidedWarmup = null;
        for (String line : out) {
            String l = line.trim();
            Matcher r = REPEAT.matcher(l);
            Matcher m = LINE.matcher(l);
            Matcher wu = WARMUP.matcher(l);
            if (r.find() && r.group(1).equals(w.cliName())) {
                (r.group(3).equals("unguided") ? unguidedRepeats : guidedRepeats).add(Double.parseDouble(r.group(4)));
            } else if (m.find() && m.group(1).equals(w.cliName())) {
                double v = Double.parseDouble(m.group(3));
                if (m.group(2).equals("unguided")) {
                    unguided = v;
                } else {
                    guided = v;
                }
            } else if (wu.find() && wu.group(1).equals(w.cliName())) {
                BenchResult.Warmup x = new BenchResult.Warmup(Integer.parseInt(wu.group(3)), wu.group(4).equals("settled"));
                if (wu.group(2).equals("unguided")) {
                    unguidedWarmup = x;
                } else {
                    guidedWarmup = x;
                }
            }
        }
        if (exitCode != 0 || Double.isNaN(unguided) && unguidedRepeats.isEmpty() || Double.isNaN(guided) && guidedRepeats.isEmpty()) {
            int from = Math.max(0, out.size() - 5);
            throw new IOException("the peer did not report steps/s for " + w + " (exit code " + exitCode + "): "
                    + String.join(" | ", out.subList(from, out.size())));
        }
        Spread u = unguidedRepeats.isEmpty() ? Spread.of(unguided) : new Spread(unguidedRepeats);
        Spread g = guidedRepeats.isEmpty() ? Spread.of(guided) : new Spread(guidedRepeats);
        return new BenchResult(w, threads, u, g, unguidedWarmup, guidedWarmup);
    }
}
