package org.guidancelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.guidancelab.platform.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image of the installer profile ({@code ./mvnw -Pinstaller package}), run as a user would: its own launcher,
 * its own runtime, from a working directory that is not the checkout. Skipped unless the image exists (the default
 * build never makes one); {@code scripts/installer-smoke.sh} builds it, runs this class and checks the .deb and the
 * window too.
 */
class InstalledImageTest {
    static final Path IMAGE = Path.of("target", "installer", "image", "guidance-lab").toAbsolutePath();
    static final Path LAUNCHER = IMAGE.resolve("bin").resolve("guidance-lab");

    record Result(int code, String out) {
    }

    @BeforeEach // (not BeforeAll: each test then reports itself skipped)
    void onlyWithAnImage() {
        assumeTrue(Files.isExecutable(LAUNCHER), "no app image: build it with ./mvnw -Pinstaller package");
    }

    /** Runs the launcher in {@code cwd} with the app's data and settings folders under {@code xdg}. */
    private static Result launch(Path cwd, Path xdg, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("XDG_DATA_HOME", xdg.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", xdg.resolve("config").toString());
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("DISPLAY"); // the CLI must not need a display
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher did not finish: " + cmd);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void helpAndVersionComeFromTheInstalledLauncher(@TempDir Path cwd, @TempDir Path xdg) throws Exception {
        Result help = launch(cwd, xdg, "--help");
        assertEquals(0, help.code(), help.out());
        assertTrue(help.out().contains("Usage: guidance-lab"), help.out());
        assertTrue(help.out().contains("validate"), help.out());
        Result version = launch(cwd, xdg, "--version");
        assertEquals(0, version.code(), version.out());
        assertTrue(version.out().contains("Guidance Lab " + Version.version()), version.out());
    }

    @Test
    void aShippedPresetValidatesAndThePresetsAreReadFromTheImage(@TempDir Path cwd, @TempDir Path xdg) throws Exception {
        Path preset = IMAGE.resolve("lib/app/presets/teaching-demo.json");
        assertTrue(Files.isRegularFile(preset), "the presets ship as files in the image: " + preset);
        Result validate = launch(cwd, xdg, "validate", preset.toString());
        assertEquals(0, validate.code(), validate.out());
        assertTrue(validate.out().strip().endsWith("OK"), validate.out());
        Result presets = launch(cwd, xdg, "presets"); // from the jar, through jdk.zipfs: cwd has no presets/
        assertEquals(0, presets.code(), presets.out());
        assertTrue(presets.out().contains("teaching-demo"), presets.out());
    }

    @Test
    void runWritesIntoTheXdgDataFolderAndNothingIntoTheImageOrTheWorkingDirectory(@TempDir Path cwd, @TempDir Path xdg)
            throws Exception {
        FileTime before = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        Result run = launch(cwd, xdg, "run", "teaching-demo", "--steps", "2");
        assertEquals(0, run.code(), run.out());
        Path runs = xdg.resolve("data/guidance-lab/runs");
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> folders = s.toList();
            assertEquals(1, folders.size(), folders.toString());
            assertTrue(Files.isRegularFile(folders.get(0).resolve("status.json")), folders.toString());
            assertTrue(Files.isRegularFile(folders.get(0).resolve("metrics.csv")), folders.toString());
        }
        try (Stream<Path> s = Files.list(cwd)) {
            assertEquals(List.of(), s.toList(), "nothing in the working directory");
        }
        assertEquals(List.of(), changedSince(IMAGE, before), "nothing written inside the image");
    }

    @Test
    void theLauncherPassesTheDevelopmentJvmOptionsAndTheInstalledFlag() throws IOException {
        String cfg = Files.readString(IMAGE.resolve("lib/app/guidance-lab.cfg"));
        assertTrue(cfg.contains("java-options=-XX:+UseZGC"), cfg);
        assertTrue(cfg.contains("java-options=-Dguidancelab.installed=true"), cfg);
        assertTrue(cfg.contains("app.mainclass=org.guidancelab.Main"), cfg);
    }

    @Test
    void theRuntimeHoldsOnlyTheJlinkModules() throws IOException {
        String release = Files.readString(IMAGE.resolve("lib/runtime/release"));
        String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        assertTrue(modules.contains("jdk.zipfs"), modules);
        assertTrue(modules.contains("java.desktop"), modules);
        for (String absent : List.of("jdk.compiler", "java.net.http", "jdk.jshell", "javafx")) {
            assertFalse(modules.contains(absent), absent + " in " + modules);
        }
    }

    private static List<Path> changedSince(Path root, FileTime t) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(t) > 0;
                } catch (IOException e) {
                    return true;
                }
            }).toList();
        }
    }
}
