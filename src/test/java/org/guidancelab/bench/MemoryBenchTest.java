package org.guidancelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory run samples at step 1 and every interval, with real heap and RSS figures. */
class MemoryBenchTest {

    @Test
    void samplesAtTheFirstStepAndEveryIntervalWithHeapAndRss() {
        StringWriter text = new StringWriter();
        List<MemoryBench.Sample> samples = new MemoryBench(Workload.MLP, 6, 3).run(new PrintWriter(text));
        assertEquals(List.of(1, 3, 6), samples.stream().map(MemoryBench.Sample::step).toList());
        for (MemoryBench.Sample s : samples) {
            assertTrue(s.heapUsed() > 0);
            assertTrue(s.rss() > s.heapUsed() / 2, "RSS of a JVM with ND4J loaded is far above its live heap");
        }
        assertTrue(text.toString().startsWith("step=1 t="), text.toString());
        assertTrue(text.toString().contains(" heap_used_mb="));
    }

    @Test
    void refusesNonPositiveSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MemoryBench(Workload.MLP, 0, 5));
        assertEquals("--memory steps and interval must be positive", e.getMessage());
    }
}
