package org.guidancelab.platform;

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

    @Test
    void lowersTheJvmWorkersByNameAndNoOthers() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "Linux only");
        int mine = BackgroundPriority.currentTid().orElseThrow();
        int before = BackgroundPriority.niceOf(mine).orElseThrow();
        assumeTrue(before < BackgroundPriority.NICE, "the test JVM already runs at nice " + before);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        int[] tids = new int[2];
        // the kernel keeps the first 15 characters of a thread's name: ND4J's are "DeallocatorServiceThread_N"
        Thread cleanup = parked("DeallocatorServiceThread_9", 0, tids, started, release);
        Thread other = parked("some-worker", 1, tids, started, release);
        started.await();
        try {
            assertTrue(BackgroundPriority.lowerJvmWorkers() >= 1, "at least the look-alike was lowered");
            assertEquals(BackgroundPriority.NICE, BackgroundPriority.niceOf(tids[0]).orElseThrow());
            assertEquals(before, BackgroundPriority.niceOf(tids[1]).orElseThrow(), "other threads keep theirs");
            assertEquals(OptionalInt.of(before), BackgroundPriority.niceOf(mine), "and so does the caller");
            for (int c2 : threadsNamed("C2 CompilerThre")) {
                assertEquals(BackgroundPriority.NICE, BackgroundPriority.niceOf(c2).orElseThrow(), "the C2 compiler too");
            }
            assertEquals(0, BackgroundPriority.lowerJvmWorkers(), "already lowered: nothing left to do");
        } finally {
            release.countDown();
            cleanup.join();
            other.join();
        }
    }

    private static Thread parked(String name, int slot, int[] tids, java.util.concurrent.CountDownLatch started,
            java.util.concurrent.CountDownLatch release) {
        Thread t = new Thread(() -> {
            tids[slot] = BackgroundPriority.currentTid().orElseThrow();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.start();
        return t;
    }

    @Test
    void helpersStartedBeforeLoweringKeepTheCreatorsPriorityAndLaterOnesInheritTheLoweredOne() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "Linux only");
        int before = BackgroundPriority.niceOf(BackgroundPriority.currentTid().orElseThrow()).orElseThrow();
        assumeTrue(before < BackgroundPriority.NICE, "the test JVM already runs at nice " + before);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(2);
        int[] tids = new int[2];
        Thread[] helpers = new Thread[2];
        Thread daemon = BackgroundPriority.loweredDaemon("lowered-with-helpers",
                () -> helpers[0] = parked("early-helper", 0, tids, started, release),
                () -> helpers[1] = parked("late-helper", 1, tids, started, release));
        daemon.start();
        daemon.join();
        try {
            assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(before, BackgroundPriority.niceOf(tids[0]).orElseThrow(), "started before lowering");
            assertEquals(BackgroundPriority.NICE, BackgroundPriority.niceOf(tids[1]).orElseThrow(),
                    "started after: inherits the lowered priority");
        } finally {
            release.countDown();
            helpers[0].join();
            helpers[1].join();
        }
    }

    /** Kernel ids of this JVM's threads whose kernel name starts with {@code prefix}. */
    private static java.util.List<Integer> threadsNamed(String prefix) throws java.io.IOException {
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        try (var tasks = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks) {
                if (java.nio.file.Files.readString(task.resolve("comm")).trim().startsWith(prefix)) {
                    ids.add(Integer.parseInt(task.getFileName().toString()));
                }
            }
        }
        return ids;
    }
}
