package org.guidancelab.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.guidancelab.platform.AppDirs;

/**
 * The native build that {@code bench --native-builds} measured fastest on a CPU, kept in the user's settings folder
 * ({@code native-build.properties}) with the CPU's signature, so it applies only on that CPU.
 */
public final class MeasuredBuild {
    public static final String FILE = "native-build.properties";

    private MeasuredBuild() {
    }

    /** In the user's settings folder (see {@link AppDirs#configDir()}), or in -Dguidancelab.config. */
    public static Path defaultFile() {
        String override = System.getProperty("guidancelab.config");
        if (override != null && !override.isBlank()) {
            return Path.of(override, FILE);
        }
        return AppDirs.current().configDir().resolve(FILE);
    }

    /** The measured build for this CPU signature, if one was recorded and the file is readable. */
    public static Optional<CpuBuild> read(Path file, String cpuSignature) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a damaged file: choose by CPU flags, as if nothing was measured
        }
        if (!cpuSignature.equals(p.getProperty("cpu"))) {
            return Optional.empty();
        }
        return CpuBuild.ofExtension(p.getProperty("build", "?"));
    }

    /** Records {@code build} as the fastest for {@code cpuSignature}, with the scores that decided it. */
    public static void write(Path file, String cpuSignature, CpuBuild build, String scores) throws IOException {
        Properties p = new Properties();
        p.setProperty("cpu", cpuSignature);
        p.setProperty("build", build.extension());
        p.setProperty("scores", scores);
        p.setProperty("measured", java.time.Instant.now().toString());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Written by 'guidance-lab bench --native-builds'; delete to choose by CPU flags again");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
