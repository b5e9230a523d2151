package org.guidancelab.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shaded jar that `package` builds starts on a plain {@code java -jar}: help and every shipped preset validate. */
class PackagedJarIT {
    private static final Path JAR = Path.of(System.getProperty("guidancelab.jar", "target/guidance-lab.jar"));

    private record Result(int code, String output) {
    }

    private static Result run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(args);
        Path log = Files.createTempFile("jar-smoke", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "java -jar " + args + " did not finish");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), out);
    }

    @Test
    void helpListsTheSubcommands() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "no packaged jar at " + JAR);
        Result r = run(List.of("--help"));
        assertEquals(0, r.code(), r.output());
        for (String sub : List.of("run", "resume", "validate", "figures", "cka", "bench", "reproduce", "sweep")) {
            assertTrue(r.output().contains(sub), "--help does not list " + sub + ":\n" + r.output());
        }
    }

    @Test
    void everyShippedPresetValidates() throws Exception {
        List<String> args = new ArrayList<>(List.of("validate"));
        try (Stream<Path> presets = Files.list(Path.of("presets"))) {
            presets.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> args.add(p.toString()));
        }
        assertTrue(args.size() > 5, "the presets folder holds the shipped presets");
        Result r = run(args);
        assertEquals(0, r.code(), r.output());
    }

    /** The sweeps packaged in the jar expand (every cell a valid experiment), found by name from any folder. */
    @Test
    void everyShippedSweepExpandsFromTheJar() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> sweeps = Files.list(Path.of("presets", "sweeps"))) {
            sweeps.filter(p -> p.toString().endsWith(".json")).sorted()
                    .forEach(p -> names.add(p.getFileName().toString().replace(".json", "")));
        }
        assertTrue(names.size() >= 2, "the shipped sweeps: " + names);
        for (String name : names) {
            Result r = run(List.of("sweep", name, "--plan"));
            assertEquals(0, r.code(), name + ": " + r.output());
            assertTrue(r.output().contains(" cells ("), r.output());
        }
    }

    /** The desktop jar holds no Spark (docs/decisions/0021): --spark says where the Spark build is, in one line. */
    @Test
    void theDesktopJarHasNoSparkAndSaysSo() throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(JAR.toFile())) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("org/apache/spark/")), "Spark classes in " + JAR);
        }
        Result r = run(List.of("sweep", "teaching-demo-warmup", "--spark", "local[2]", "--out",
                Files.createTempDirectory("no-spark").resolve("w").toString()));
        assertEquals(2, r.code(), r.output());
        assertTrue(r.output().contains("error: --spark needs Spark on the class path, which this jar leaves out"),
                r.output());
        assertFalse(r.output().contains("Exception"), r.output());
    }

    /**
     * The desktop jar holds no ONNX importer (docs/decisions/0024) yet opens a converted .sdz guide with ND4J alone,
     * and tells an ONNX file's user to convert it.
     */
    @Test
    void theDesktopJarHasNoOnnxImporterButReadsSdzGuides() throws Exception {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(JAR.toFile())) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("org/nd4j/samediff/frameworkimport/")
                    || e.getName().startsWith("org/guidancelab/onnx/") || e.getName().startsWith("kotlin/")),
                    "ONNX importer classes in " + JAR);
        }
        Result r = run(List.of("guide", "inspect", "src/test/resources/guides/onnx/resnet.sdz"));
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("(SameDiff sdz): input [1, 12, 12]"), r.output());
        r = run(List.of("guide", "inspect", "src/test/resources/guides/onnx/resnet.onnx"));
        assertEquals(2, r.code(), r.output());
        assertTrue(r.output().contains("guide convert"), r.output());
    }
}
