package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Says where the time of a long gap between pulses went (Linux only; a diagnostic of PulseGapBenchmark, not a test).
 * A sampler thread reads every thread's schedstat (time on a CPU, time runnable but waiting for one) and the
 * machine's steal time every few milliseconds into a ring; {@link #explain} then prints, for the window of a gap,
 * each busy thread's run and wait time. A gap whose FX thread ran is work on the FX thread; one whose FX thread
 * waited is CPU contention (and the threads that ran are who took the cores); one where the sampler itself missed
 * its ticks and steal grew is the VM's host.
 */
final class StallTracer implements Runnable {
    private final long periodNanos;
    private final boolean threads;

    private StallTracer(boolean threads, long periodNanos) {
        this.threads = threads;
        this.periodNanos = periodNanos;
    }
    private static final int RING = 200;

    private record Sample(long nanos, long stealTicks, Map<Integer, long[]> threads, Map<String, String> wchans) {
    }

    /** Where in the kernel the FX and render threads sleep (/proc/.../wchan), sampled with the rest in --trace. */
    private static final List<String> WATCHED = List.of("JavaFX Applicat", "QuantumRenderer");
    private final Map<String, Integer> watchedTids = new java.util.concurrent.ConcurrentHashMap<>();

    private final ArrayDeque<Sample> ring = new ArrayDeque<>();
    private final Map<Integer, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopped;
    /** The first sample, kept for the whole-run summary. */
    private Sample start;

    /**
     * @param threads false: only the machine's steal time (one file read per tick, next to nothing), so a plain
     *                benchmark run can still tell a stall of the VM's host from one of its own
     */
    static StallTracer start(boolean threads) {
        StallTracer t = new StallTracer(threads, threads ? 10_000_000L : 5_000_000L);
        Thread th = new Thread(t, "stall-tracer");
        th.setDaemon(true);
        th.start();
        return t;
    }

    /** Stops sampling and prints each thread's CPU time and wait for a core over the whole trace. */
    void stop() {
        stopped = true;
        Sample first;
        Sample last;
        synchronized (ring) {
            first = start;
            last = ring.peekLast();
        }
        if (first != null && last != null) {
            System.out.println("whole run, " + describe(first, last));
        }
    }

    /** The time of the last pulse (set by the benchmark), for the watchdog below. */
    volatile long lastPulseNanos;
    private long dumpedFor;
    /** -Dstall.dumpAfterMs: how long without a pulse before the stacks are dumped (100 ms unless set). */
    private final long dumpAfterNanos = Long.getLong("stall.dumpAfterMs", 100) * 1_000_000L;

    /**
     * With --trace, when no pulse came for 100 ms (or -Dstall.dumpAfterMs), prints the Java stacks of the FX and render threads right then:
     * a thread blocked in the VM or in native code shows the Java frame it blocked from.
     */
    private void watchdog(long now) {
        long last = lastPulseNanos;
        if (!threads || last == 0 || now - last < dumpAfterNanos || dumpedFor == last) {
            return;
        }
        dumpedFor = last;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "NO PULSE FOR %.0f ms, stacks:%n",
                (now - last) / 1e6));
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            String n = e.getKey().getName();
            if (n.startsWith("JavaFX Application") || n.startsWith("QuantumRenderer")) {
                sb.append("  ").append(n).append(' ').append(e.getKey().getState()).append('\n');
                StackTraceElement[] st = e.getValue();
                for (int i = 0; i < Math.min(Integer.getInteger("stall.depth", 14), st.length); i++) {
                    sb.append("      at ").append(st[i]).append('\n');
                }
            }
        }
        System.out.print(sb);
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (!stopped) {
            watchdog(System.nanoTime());
            Sample s = sample();
            synchronized (ring) {
                if (start == null) {
                    start = s;
                }
                ring.addLast(s);
                if (ring.size() > RING) {
                    ring.removeFirst();
                }
            }
            next += periodNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    private Sample sample() {
        Map<Integer, long[]> byThread = new HashMap<>();
        if (threads) {
            readThreads(byThread);
            if (names.size() < byThread.size()) {
                byThread.keySet().forEach(tid -> names.putIfAbsent(tid, "?"));
            }
        }
        long steal = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            steal = Long.parseLong(cpu[8]);
        } catch (IOException | RuntimeException e) {
            // no steal figure
        }
        Map<String, String> wchans = new HashMap<>();
        if (threads) {
            readWchans(wchans);
        }
        return new Sample(System.nanoTime(), steal, byThread, wchans);
    }

    private void readWchans(Map<String, String> out) {
        if (watchedTids.size() < WATCHED.size()) {
            for (int tid : new ArrayList<>(names.keySet().isEmpty() ? List.<Integer>of() : names.keySet())) {
                String n = name(tid);
                if (WATCHED.contains(n)) {
                    watchedTids.putIfAbsent(n, tid);
                }
            }
        }
        for (Map.Entry<String, Integer> e : watchedTids.entrySet()) {
            try {
                String w = Files.readString(Path.of("/proc/self/task/" + e.getValue() + "/wchan")).trim();
                String state = Files.readString(Path.of("/proc/self/task/" + e.getValue() + "/stat"));
                state = state.substring(state.lastIndexOf(')') + 2, state.lastIndexOf(')') + 3);
                out.put(e.getKey(), state + ":" + (w.isEmpty() || w.equals("0") ? "-" : w));
            } catch (IOException | RuntimeException ex) {
                // ended
            }
        }
    }

    private static void readThreads(Map<Integer, long[]> threads) {
        // other processes to watch too, e.g. the X server the window draws through: -Dstall.pids=1234,5678
        for (String pid : System.getProperty("stall.pids", "").split(",")) {
            if (!pid.isBlank()) {
                try {
                    String[] f = Files.readString(Path.of("/proc/" + pid.trim() + "/schedstat")).trim().split(" ");
                    threads.put(-Integer.parseInt(pid.trim()), new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
                } catch (IOException | RuntimeException e) {
                    // gone
                }
            }
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                int tid = Integer.parseInt(task.getFileName().toString());
                try {
                    String[] f = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    threads.put(tid, new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // not Linux: nothing to trace
        }
    }

    /** Prints where the time between {@code fromNanos} and {@code toNanos} went (waits until a sample follows it). */
    void explain(long fromNanos, long toNanos) {
        try {
            Thread.sleep(2 * periodNanos / 1_000_000L + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Sample before = null;
        Sample after = null;
        long longestTick = 0;
        List<Sample> window = new ArrayList<>();
        synchronized (ring) {
            for (Sample s : ring) {
                if (s.nanos() <= fromNanos) {
                    before = s;
                } else if (after == null) {
                    window.add(s);
                    if (s.nanos() >= toNanos) {
                        after = s;
                    }
                }
            }
        }
        if (before == null || after == null) {
            System.out.println("  (no samples around this gap)");
            return;
        }
        long prev = before.nanos();
        for (Sample s : window) {
            longestTick = Math.max(longestTick, s.nanos() - prev);
            prev = s.nanos();
        }
        System.out.println(String.format(Locale.ROOT, "  longest sampler tick %.1f ms, ", longestTick / 1e6)
                + describe(before, after));
        if (threads) {
            Map<String, Map<String, Integer>> hist = new java.util.TreeMap<>();
            for (Sample s : window) {
                s.wchans().forEach((t, w) -> hist.computeIfAbsent(t, k -> new java.util.TreeMap<>()).merge(w, 1, Integer::sum));
            }
            System.out.println("  kernel state:wait channel per sample: " + hist);
        }
    }

    /**
     * The thread's name, read now: a new thread carries its creator's name until it renames itself, so a name read
     * at the first sample can be the wrong one. The last name read is kept for threads that ended.
     */
    private String name(int tid) {
        if (tid < 0) {
            return "pid " + (-tid); // another process (stall.pids)
        }
        try {
            names.put(tid, Files.readString(Path.of("/proc/self/task/" + tid + "/comm")).trim());
        } catch (IOException e) {
            // ended: keep the last name read
        }
        return names.getOrDefault(tid, "tid " + tid);
    }

    /** Each thread's run and wait for a core between two samples, busiest first, and the steal between them. */
    private String describe(Sample b, Sample after) {
        List<Map.Entry<Integer, long[]>> deltas = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : after.threads().entrySet()) {
            long[] x = b.threads().getOrDefault(e.getKey(), new long[2]);
            long run = e.getValue()[0] - x[0];
            long wait = e.getValue()[1] - x[1];
            if (run + wait > 1_000_000L) {
                deltas.add(Map.entry(e.getKey(), new long[] {run, wait}));
            }
        }
        deltas.sort(Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> -e.getValue()[0]));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "window %.1f ms, steal %d ticks; run/wait ms:",
                (after.nanos() - b.nanos()) / 1e6, after.stealTicks() - b.stealTicks()));
        for (Map.Entry<Integer, long[]> e : deltas) {
            sb.append(String.format(Locale.ROOT, " [%s] %.1f/%.1f", name(e.getKey()),
                    e.getValue()[0] / 1e6, e.getValue()[1] / 1e6));
        }
        return sb.toString();
    }
}
