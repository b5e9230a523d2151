package org.guidancelab.engine.cka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The helper count from the load average, and the runner: every tap once, failures passed on. */
class GramWorkersTest {
    @Test
    void helpersOnlyForCoresTheLoadLeavesIdle() {
        // the caller's own work is in the load: a 2-core machine running only this training sits near 1
        assertEquals(1, GramWorkers.helpersFor(2, 0.0));
        assertEquals(1, GramWorkers.helpersFor(2, 1.0));
        assertEquals(1, GramWorkers.helpersFor(2, 1.4));
        assertEquals(0, GramWorkers.helpersFor(2, 1.6));
        assertEquals(0, GramWorkers.helpersFor(2, 9.8));
        assertEquals(0, GramWorkers.helpersFor(1, 0.0));
        assertEquals(3, GramWorkers.helpersFor(16, 2.0)); // a small fixed pool, whatever the machine
        assertEquals(2, GramWorkers.helpersFor(4, 1.7));
    }

    @Test
    void everyTaskRunsExactlyOnceWhateverTheThreadCount() {
        for (int threads = 1; threads <= 5; threads++) {
            AtomicIntegerArray seen = new AtomicIntegerArray(37);
            GramWorkers.run(37, threads, seen::incrementAndGet);
            for (int i = 0; i < 37; i++) {
                assertEquals(1, seen.get(i), "task " + i + " with " + threads + " threads");
            }
        }
        GramWorkers.run(0, 2, i -> {
            throw new AssertionError("no task to run");
        });
    }

    @Test
    void aFailingTaskFailsTheRunAfterTheHelpersStop() {
        for (int threads = 1; threads <= 2; threads++) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GramWorkers.run(8, 2, i -> {
                if (i == 5) {
                    throw new IllegalArgumentException("tap 5");
                }
            }));
            assertEquals("tap 5", e.getMessage());
        }
    }

    @Test
    void theThreadCountCanBeFixedByProperty() {
        String before = System.getProperty(GramWorkers.PROPERTY);
        try {
            System.setProperty(GramWorkers.PROPERTY, "1");
            assertEquals(1, GramWorkers.auto());
            System.setProperty(GramWorkers.PROPERTY, "2");
            assertEquals(2, GramWorkers.auto());
            System.setProperty(GramWorkers.PROPERTY, "99");
            assertEquals(4, GramWorkers.auto());
        } finally {
            if (before == null) {
                System.clearProperty(GramWorkers.PROPERTY);
            } else {
                System.setProperty(GramWorkers.PROPERTY, before);
            }
        }
    }
}
