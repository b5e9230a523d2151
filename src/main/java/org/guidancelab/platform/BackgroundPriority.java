package org.guidancelab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.DirectoryStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the CPU priority of the app's training thread (and of the JVM threads that work for it, see
 * {@link #lowerJvmWorkers}) so the JavaFX threads win the cores whenever they need one: on a 2-core machine training
 * keeps one core busy, and at equal priority the FX thread, render thread and chart renderer wait for the other one
 * often enough to miss frames (docs/decisions/0014-background-threads-at-nice-10.md). Java's
 * {@code Thread.setPriority} does nothing on Linux, so the thread's nice value is raised with {@code renice} on its
 * kernel thread id (threads it starts later, such as OpenMP's, inherit it). Training loses little: the FX side needs
 * a small share of a core, and only while it has work. Linux only; elsewhere, or if renice is missing, nothing
 * changes.
 */
public final class BackgroundPriority {
    /** nice 10: CFS gives a nice-0 thread about ten times its share when the two compete for a core. */
    static final int NICE = 10;

    private BackgroundPriority() {
    }

    /**
     * A daemon thread named {@code name} that lowers its own priority before it runs {@code work}: for an executor's
     * thread factory (the training queue, the chart renderer).
     */
    public static Thread loweredDaemon(String name, Runnable work) {
        return loweredDaemon(name, () -> { }, work);
    }

    /**
     * As {@link #loweredDaemon(String, Runnable)}, running {@code beforeLowering} first, at the creator's priority.
     * A thread started by a lowered thread inherits its nice value, and a lowered Java thread that is runnable but
     * waiting for a core holds up every safepoint: the JVM stops all Java threads, the FX thread included, until it
     * gets one. Work that starts such helper threads goes in {@code beforeLowering}, so they keep normal priority:
     * Java2D, for one, starts its disposer thread from the first thread that draws (the chart renderer).
     */
    public static Thread loweredDaemon(String name, Runnable beforeLowering, Runnable work) {
        Thread t = new Thread(() -> {
            beforeLowering.run();
            lowerCurrentThread();
            work.run();
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** Lowers the calling thread's priority; true if it was lowered. */
    public static boolean lowerCurrentThread() {
        OptionalInt tid = currentTid();
        if (tid.isEmpty()) {
            return false;
        }
        int now = niceOf(tid.getAsInt()).orElse(0);
        if (now >= NICE) {
            return true; // already as low (the whole app may run under nice)
        }
        // "renice PRIORITY -p ID": the absolute form in every util-linux version (-n turned relative in some)
        return run(List.of("renice", Integer.toString(NICE), "-p", Integer.toString(tid.getAsInt())));
    }

    /** The calling thread's kernel id, from /proc/thread-self ("pid/task/tid"); empty where there is none. */
    static OptionalInt currentTid() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return OptionalInt.of(Integer.parseInt(self.getFileName().toString()));
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return OptionalInt.empty();
        }
    }

    /** A thread's nice value from /proc/self/task/TID/stat (field 19), for tests and diagnostics. */
    static OptionalInt niceOf(int tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return OptionalInt.of(Integer.parseInt(rest[16])); // field 19 is the 17th after field 2
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Lowers, like the training thread, the JVM threads whose work training makes: ZGC's concurrent worker, the
     * reference handler, ND4J's and JavaCPP's deallocators, and the C2 JIT compiler. Training at full speed makes
     * garbage and freshly hot code in bursts; at normal priority these threads would take the render thread's core
     * exactly then, while at nice 10 they compete with training instead (docs/decisions/0014). C1, which compiles
     * everything first and quickly, keeps its priority. Found by name in /proc; returns how many
     * were lowered (0 where there is no /proc or renice).
     */
    public static int lowerJvmWorkers() {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String comm = Files.readString(task.resolve("comm")).trim();
                String id = task.getFileName().toString();
                if (JVM_WORKERS.stream().anyMatch(comm::startsWith)
                        && niceOf(Integer.parseInt(id)).orElse(NICE) < NICE) {
                    ids.add(id);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux
        }
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> cmd = new ArrayList<>(List.of("renice", Integer.toString(NICE), "-p"));
        cmd.addAll(ids);
        return run(cmd) ? ids.size() : 0;
    }

    /** Kernel names (the first 15 characters of a thread's name) of the JVM threads that work for training. */
    static final List<String> JVM_WORKERS = List.of("ZWorker", "Reference Handl", "DeallocatorServ",
            "JavaCPP Dealloc", "C2 CompilerThre");

    private static boolean run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no renice here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
