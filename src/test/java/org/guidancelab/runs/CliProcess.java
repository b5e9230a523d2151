package org.guidancelab.runs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The real command line ({@code org.guidancelab.Main}) in a child JVM on the test classpath, for the tests where a
 * process must die (kill -9, Ctrl-C) or run under limits the test JVM must not have (a file size limit). Its output
 * goes to files beside the run, so a child never blocks on a full pipe.
 */
public final class CliProcess {
    /** Longest a child may take to start and finish a tiny run before the test fails (the machine may be busy). */
    public static final Duration FINISH = Duration.ofSeconds(90);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String label;

    private CliProcess(Process process, Path stdout, Path stderr, String label) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.label = label;
    }

    /** What a finished child said. */
    public record Result(int exitCode, String out, String err) {
        /** The quality bar: a message in words, never a Java stack trace. */
        public Result assertNoStackTrace() {
            assertFalse(err.contains("\tat ") || out.contains("\tat "), "no stack trace:\n" + err);
            assertFalse(err.contains("Exception"), "no Java exception in the words:\n" + err);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The command that runs the CLI with {@code args} in a JVM like this one. */
    public static List<String> javaCommand(String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // C1 only and the serial collector: half the CPU time of a default JVM for these short runs (the machine is
        // shared); no perf-data file, which a file size limit would refuse.
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.guidancelab.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the CLI with {@code args}, its output logged in {@code logs}. */
    public static CliProcess start(Path logs, String... args) throws IOException {
        return start(logs, List.of(), args);
    }

    /** As above, run through {@code wrapper} (e.g. a shell that sets a limit and then execs the rest). */
    public static CliProcess start(Path logs, List<String> wrapper, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(javaCommand(args));
        String label = args[0] + "-" + COUNT.incrementAndGet();
        Files.createDirectories(logs);
        Path out = logs.resolve(label + ".out");
        Path err = logs.resolve(label + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new CliProcess(p, out, err, label);
    }

    /** Runs the CLI to its end. */
    public static Result run(Path logs, String... args) throws IOException {
        return start(logs, args).await();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to end by itself ({@link #FINISH} at most) and returns what it said. */
    public Result await() throws IOException {
        try {
            if (!process.waitFor(FINISH.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                fail(label + " did not end within " + FINISH + "\n" + result());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return result();
    }

    /** kill -9: the child gets no chance to tidy up. */
    public Result kill() throws IOException {
        process.destroyForcibly();
        return await();
    }

    /** SIGTERM, what Ctrl-C or a logout sends: the child's shutdown hook stops training. */
    public Result terminate() throws IOException {
        process.destroy();
        return await();
    }

    /**
     * Polls {@code condition} until it holds, failing when {@code timeout} passes or the child ends first (the
     * condition is checked once more then, since the child may have met it on its way out).
     */
    public void awaitWhileRunning(String what, Duration timeout, BooleanSupplier condition) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                if (condition.getAsBoolean()) {
                    return;
                }
                fail(label + " ended before " + what + "\n" + await());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                fail("no " + what + " within " + timeout + "\n" + await());
            }
            LockSupport.parkNanos(2_000_000L); // poll interval, not a timing assumption
        }
    }

    private Result result() throws IOException {
        int code = process.isAlive() ? -1 : process.exitValue();
        return new Result(code, Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Runs a short system command (mount, umount) and says whether it worked. */
    public static boolean system(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
