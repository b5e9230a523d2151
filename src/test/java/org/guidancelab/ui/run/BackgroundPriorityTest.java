package org.guidancelab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {
    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "Linux only");
        int mine = BackgroundPriority.currentTid().orElseThrow();
        int before = BackgroundPriority.niceOf(mine).orElseThrow();
        AtomicReference<int[]> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            int tid = BackgroundPriority.currentTid().orElseThrow();
            boolean lowered = BackgroundPriority.lowerCurrentThread();
            seen.set(new int[] {tid, lowered ? 1 : 0, BackgroundPriority.niceOf(tid).orElse(Integer.MIN_VALUE)});
        });
        t.start();
        t.join();
        int[] s = seen.get();
        assertTrue(s[0] != mine, "a thread has its own kernel id");
        assertEquals(1, s[1], "renice succeeded");
        assertEquals(Math.max(before, BackgroundPriority.NICE), s[2], "the training thread's nice value");
        assertEquals(OptionalInt.of(before), BackgroundPriority.niceOf(mine), "the caller's own priority is unchanged");
    }
}
