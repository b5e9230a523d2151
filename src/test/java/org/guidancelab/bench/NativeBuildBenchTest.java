package org.guidancelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.platform.CpuBuild;
import org.junit.jupiter.api.Test;

class NativeBuildBenchTest {
    @Test
    void readsTheRatesOfABenchOutput() {
        String out = "backend: CPU · x\nmlp unguided steps/s=44.60\nmlp guided steps/s=46.81\n"
                + "mlp guidance-lab threads=1 guided/unguided time ratio=0.95\nfcn-cnn unguided steps/s=13.83\n";
        assertEquals(Map.of("mlp unguided", 44.6, "mlp guided", 46.81, "fcn-cnn unguided", 13.83),
                NativeBuildBench.parse(out));
        assertEquals(Map.of(), NativeBuildBench.parse("error: something went wrong"));
    }

    @Test
    void theFastestHasTheHighestGeometricMean() {
        var a = new NativeBuildBench.Score(CpuBuild.PLAIN, Map.of("x", 100.0, "y", 1.0));
        var b = new NativeBuildBench.Score(CpuBuild.ONEDNN_AVX2, Map.of("x", 20.0, "y", 20.0));
        assertEquals(10.0, a.geometricMean(), 1e-9);
        assertEquals(CpuBuild.ONEDNN_AVX2, NativeBuildBench.fastest(List.of(a, b)).build(),
                "one fast workload does not outvote a slow one");
    }

    @Test
    void candidatesAreTheShippedBuildsTheCpuRuns() {
        assertEquals(List.of(CpuBuild.PLAIN), NativeBuildBench.candidates(Set.of("sse2", "avx")));
        assertEquals(List.of(CpuBuild.ONEDNN_AVX2, CpuBuild.PLAIN), NativeBuildBench.candidates(Set.of("avx2", "fma")));
    }
}
