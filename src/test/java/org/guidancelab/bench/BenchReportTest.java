package org.guidancelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lines scripts read, the Markdown table, and what the peer's output is parsed into. */
class BenchReportTest {
    private static final BenchResult OURS = new BenchResult(Workload.MLP, 1, Spread.of(70, 80, 75), Spread.of(40, 36, 38),
            new BenchResult.Warmup(40, true), new BenchResult.Warmup(300, false));
    private static final BenchResult PEER = new BenchResult(Workload.MLP, 1, Spread.of(140, 100, 130), Spread.of(40, 45, 42));

    @Test
    void theSummaryLineKeepsItsFormatWithTheMediansAndAddsTheRatiosRange() {
        String line = BenchReport.ratioLine(OURS, PEER);
        assertEquals("mlp peer unguided steps/s=130.00 guided steps/s=42.00 | ours/peer unguided=0.58x guided=0.90x"
                + " | guided/unguided time ratio ours=1.97 peer=3.10"
                + " | medians of 3 repeats, per-repeat ours/peer unguided 0.50-0.80 guided 0.80-1.00", line);
        // what a script written for the old line extracts still comes out
        Matcher m = Pattern.compile("^(\\S+) peer .* \\| ours/peer unguided=([0-9.]+)x guided=([0-9.]+)x").matcher(line);
        assertTrue(m.find());
        assertEquals("0.58", m.group(2));
        assertEquals("0.90", m.group(3));
    }

    @Test
    void ourLinesStayInThePeersFormatWithTheMedians() {
        assertEquals("mlp unguided steps/s=75.00\nmlp guided steps/s=38.00\nmlp guidance-lab threads=1 guided/unguided time ratio=1.97",
                OURS.lines().replace(System.lineSeparator(), "\n"));
        assertEquals(Map.of("mlp unguided", 75.0, "mlp guided", 38.0), NativeBuildBench.parse(OURS.lines() + "\n"
                + OURS.spreadLines("ours")), "--native-builds reads the medians and not the spread lines");
        assertEquals("mlp ours unguided steps/s median=75.00 q1=72.50 q3=77.50 min=70.00 max=80.00 n=3 warmup=40 settled\n"
                        + "mlp ours guided steps/s median=38.00 q1=37.00 q3=39.00 min=36.00 max=40.00 n=3 warmup=300 capped",
                OURS.spreadLines("ours").replace(System.lineSeparator(), "\n"));
    }

    @Test
    void theMarkdownTableHasOneRowPerWorkloadWithSpreads() {
        HeatmapBench.Timing hm = new HeatmapBench.Timing(Spread.of(40, 42, 41), Spread.of(60, 61, 66));
        BenchResult fcn = new BenchResult(Workload.FCN_CNN, 1, Spread.of(12, 13, 11), Spread.of(4, 5, 4.5));
        List<String> t = BenchReport.markdown(List.of(new BenchReport.Row(OURS, PEER), new BenchReport.Row(fcn, null)), hm);
        assertEquals("| workload | ours unguided steps/s | peer unguided steps/s | ours/peer unguided | ours guided steps/s"
                + " | peer guided steps/s | ours/peer guided | heatmap ms |", t.get(0));
        assertEquals("|---|---|---|---|---|---|---|---|", t.get(1));
        assertEquals("| `mlp` | 75.00 (70.00-80.00) | 130.00 (100.00-140.00) | 0.58x (0.50-0.80) | 38.00 (36.00-40.00)"
                + " | 42.00 (40.00-45.00) | 0.90x (0.80-1.00) | 41.0 (40.0-42.0) |", t.get(2));
        assertEquals("| `fcn-cnn` | 12.00 (11.00-13.00) | - | - | 4.50 (4.00-5.00) | - | - |  |", t.get(3));
        assertEquals("", t.get(4));
        assertTrue(t.get(5).startsWith("Median (min-max) over 3 alternated repeats per mode"), t.get(5));
    }

    @Test
    void theHeatmapLineStartsAsBeforeAndNamesBothWays() {
        String line = BenchReport.heatmapLine(new HeatmapBench.Timing(Spread.of(40, 42, 41), Spread.of(60, 61, 66)));
        assertTrue(line.startsWith("heatmap 24x8 taps probe=512 ms=41.0 | at an evaluation"), line);
        assertTrue(line.contains("with the guide's forward and Grams ms=61.0 median=61.0"), line);
    }

    @Test
    void thePeersRepeatsAreReadAndAnOlderPeersSingleFiguresStillAre() throws IOException {
        List<String> out = List.of("mlp warmup unguided steps=30 settled", "mlp warmup guided steps=300 capped",
                "mlp repeat=1 unguided steps/s=100.00", "mlp repeat=1 guided steps/s=40.00",
                "mlp repeat=2 unguided steps/s=120.00", "mlp repeat=2 guided steps/s=44.00",
                "mlp unguided steps/s=110.00", "mlp guided steps/s=42.00", "mlp torch=1.13 threads=1 guided/unguided time ratio=2.6 repeats=2");
        BenchResult r = PeerRun.parse(Workload.MLP, 1, out, 0);
        assertEquals(List.of(100.0, 120.0), r.unguided().values());
        assertEquals(List.of(40.0, 44.0), r.guided().values());
        assertEquals(new BenchResult.Warmup(30, true), r.unguidedWarmup());
        assertEquals(new BenchResult.Warmup(300, false), r.guidedWarmup());
        BenchResult old = PeerRun.parse(Workload.MLP, 1, List.of("mlp unguided steps/s=133.48", "mlp guided steps/s=36.92"), 0);
        assertEquals(List.of(133.48), old.unguided().values());
        assertEquals(36.92, old.guidedStepsPerSecond());
        assertEquals("the peer did not report steps/s for mlp (exit code 1): Traceback | ImportError",
                org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                        () -> PeerRun.parse(Workload.MLP, 1, List.of("Traceback", "ImportError"), 1)).getMessage());
    }

    @Test
    void thePeerIsRunTheSameWay() {
        Path script = Path.of("benchmarks/torch_guided_bench.py");
        assertEquals(List.of("python3", script.toString(), "--workload", "mlp", "--threads", "1", "--steps", "50", "--warmup", "20",
                        "--repeats", "5", "--settle", "0.0500", "--settle-window", "10", "--warmup-cap", "300"),
                PeerRun.command("python3", script, Workload.MLP, 1, 50, 5, new SettleRule(20, 10, 0.05, 300)));
        assertEquals(List.of("python3", script.toString(), "--workload", "mlp", "--threads", "2", "--steps", "9", "--warmup", "3",
                "--repeats", "1"), PeerRun.command("python3", script, Workload.MLP, 2, 9, 1, SettleRule.fixed(3)));
    }

    @Test
    void theHeaderNamesTheMachineBuildLoadAndMethod() {
        assertEquals("avx avx2 avx512f fma sse4_2",
                MachineInfo.vectorFlags(java.util.Set.of("fpu", "avx2", "fma", "sse2", "sse4_2", "avx512f", "avx")));
        assertEquals("none known", MachineInfo.vectorFlags(java.util.Set.of()));
        List<String> h = MachineInfo.header(1, "5 repeats");
        assertEquals(4, h.size());
        assertTrue(h.get(0).startsWith("machine: ") && h.get(0).contains("vector flags: "), h.get(0));
        assertTrue(h.get(1).startsWith("build: ND4J native ") && h.get(1).contains("| OpenBLAS "), h.get(1));
        assertTrue(h.get(1).contains("| products: float through oneDNN's sgemm at every size, double through OpenBLAS "),
                h.get(1));
        assertTrue(h.get(1).contains("| convolutions: oneDNN 2.5.2 primitives, ISA "), h.get(1));
        assertEquals("at every size", org.guidancelab.engine.blas.Blas.sizes(Double.POSITIVE_INFINITY));
        assertEquals("up to m*n*k=131072 (ND4J's matmul above)", org.guidancelab.engine.blas.Blas.sizes(1 << 17));
        assertTrue(h.get(2).startsWith("run: threads=1 | load average "), h.get(2));
        assertEquals("method: 5 repeats", h.get(3));
    }
}
