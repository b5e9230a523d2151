package org.guidancelab.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A one-machine Spark standalone cluster for a test: a master and workers, each in its own JVM started from the
 * Maven-resolved Spark jars, laid out as a Spark installation ({@code SPARK_HOME/jars}, which a worker puts on its
 * executors' class path). The app is not in it: a submitted job brings it (the thin jar and guidance-lab.jar).
 */
final class StandaloneClusterFixture implements AutoCloseable {
    private static final Duration START = Duration.ofMinutes(3);
    /** The app's own artifacts that Spark shares (same versions): a Spark installation has them in its jars too. */
    private static final List<String> SHARED = List.of("jackson-databind-", "jackson-core-", "jackson-annotations-",
            "slf4j-api-");

    /** The JVM options Spark's launcher gives a Java 17 JVM (JavaModuleOptions; the pom's spark.add-opens). */
    static final List<String> MODULE_OPTIONS = List.of(System.getProperty("guidancelab.sparkJvmOptions", "").trim()
            .split("\\s+"));

    final Path home;
    final Path logs;
    final int port;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();

    private StandaloneClusterFixture(Path home, Path logs, int port) {
        this.home = home;
        this.logs = logs;
        this.port = port;
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** Lays out SPARK_HOME under {@code dir} from the build's class path files and starts the master. */
    static StandaloneClusterFixture start(Path dir) throws IOException {
        Path sparkDir = Path.of(System.getProperty("guidancelab.sparkDir"));
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Set<String> app = new HashSet<>(split(sparkDir.resolve("app-classpath.txt")));
        List<Path> chosen = new ArrayList<>();
        for (String e : split(sparkDir.resolve("spark-classpath.txt"))) {
            String name = Path.of(e).getFileName().toString();
            if (!app.contains(e) || SHARED.stream().anyMatch(name::startsWith)) {
                chosen.add(Path.of(e));
            }
        }
        try (Stream<Path> pins = Files.list(sparkDir.resolve("pins")); Stream<Path> log4j = Files.list(sparkDir.resolve("log4j"))) {
            chosen.addAll(pins.toList());
            chosen.addAll(log4j.toList());
        }
        for (Path j : chosen) {
            Files.createSymbolicLink(jars.resolve(j.getFileName()), j.toAbsolutePath());
        }
        Path logs = Files.createDirectories(dir.resolve("logs"));
        StandaloneClusterFixture c = new StandaloneClusterFixture(home, logs, freePort());
        c.processes.add(c.java("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(c.port), "--webui-port", Integer.toString(freePort())));
        waitFor(() -> logHas(logs.resolve("master.log"), "I have been elected leader"), "the master to start");
        return c;
    }

    /** Starts a worker of one core and waits until the master has it. */
    void addWorker(int n, Path workDir) throws IOException {
        int before = count(logs.resolve("master.log"), "Registering worker");
        Process w = java("worker-" + n, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                "--memory", "1536m", "--work-dir", workDir.toString(), "--webui-port", Integer.toString(freePort()),
                masterUrl());
        processes.add(w);
        workers.add(w);
        waitFor(() -> count(logs.resolve("master.log"), "Registering worker") > before, "worker " + n + " to register");
    }

    /** Kills a worker and the executor it launched, at once (SIGKILL), as when its machine is lost. */
    void killWorker(int n) {
        Process w = workers.get(n - 1);
        w.descendants().forEach(ProcessHandle::destroyForcibly);
        w.destroyForcibly();
    }

    /**
     * Starts {@code main} in a JVM of Spark's class path (the installation's jars) with Spark's module openings, its
     * output in logs/NAME.log.
     */
    Process java(String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", home.resolve("jars") + "/*"));
        cmd.addAll(MODULE_OPTIONS);
        cmd.add(main);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        // a worker builds its executors' command with Spark's launcher, which asks for the Scala version
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    static void waitFor(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + START.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50); // polling a state with a timeout, not timing anything
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    static boolean logHas(Path log, String text) {
        return count(log, text) > 0;
    }

    static int count(Path log, String text) {
        try {
            return Files.exists(log) ? (int) Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static List<String> split(Path classpathFile) throws IOException {
        return List.of(Files.readString(classpathFile).trim().split(java.io.File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops every JVM this fixture started (only those). */
    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
