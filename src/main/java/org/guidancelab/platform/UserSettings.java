package org.guidancelab.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The user's settings: a small properties file ({@link AppDirs#settingsFile()}), read at start-up and written when a
 * setting changes. A missing or unreadable file means defaults; the file and its folder are created on the first
 * change, never at start-up (a first start writes nothing).
 */
public final class UserSettings {
    /** "light" or "dark". */
    public static final String THEME = "theme";

    private final Path file;
    private final Properties values;

    private UserSettings(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** The settings in {@code file}; empty when it does not exist or cannot be read. */
    public static UserSettings load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.clear(); // a damaged file is not a reason not to start: defaults, rewritten on the next change
            }
        }
        return new UserSettings(file, p);
    }

    public Path file() {
        return file;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Sets {@code key} and writes the file (through a temporary file, so a crash never leaves half a file). */
    public void put(String key, String value) throws IOException {
        values.setProperty(key, value);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            values.store(out, "Guidance Lab settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
