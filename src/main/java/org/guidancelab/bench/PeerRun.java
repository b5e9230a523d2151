package org.guidancelab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the PyTorch peer (benchmarks/torch_guided_bench.py) on the same workload right after our own measurement,
 * so both figures come from one run on the same machine, and parses its steps/s lines.
 */
public final class PeerRun {
    private static final Pattern LINE = Pattern.compile("^(\\S+) (unguided|guided) steps/s=([0-9.]+)");

    private PeerRun() {
    }

    /** The peer's result for {@code w}, or an exception whose message quotes what the peer printed. */
    public static BenchResult run(String python, Path script, Workload w, int threads, int steps, int warmup)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new IOException("peer script not found: " + script);
        }
        List<String> cmd = List.of(python, script.toString(), "--workload", w.cliName(), "--threads",
                String.valueOf(threads), "--steps", String.valueOf(steps), "--warmup", String.valueOf(warmup));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
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
        for (String line : out) {
            Matcher m = LINE.matcher(line.trim());
            if (m.find() && m.group(1).equals(w.cliName())) {
                double v = Double.parseDouble(m.group(3));
                if (m.group(2).equals("unguided")) {
                    unguided = v;
                } else {
                    guided = v;
                }
            }
        }
        if (exitCode != 0 || Double.isNaN(unguided) || Double.isNaN(guided)) {
            int from = Math.max(0, out.size() - 5);
            throw new IOException("the peer did not report steps/s for " + w + " (exit code " + exitCode + "): "
                    + String.join(" | ", out.subList(from, out.size())));
        }
        return new BenchResult(w, threads, unguided, guided);
    }
}
