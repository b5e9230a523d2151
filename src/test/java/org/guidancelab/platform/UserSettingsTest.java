package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {
    @Test
    void aMissingFileMeansDefaultsAndLoadingCreatesNothing(@TempDir Path tmp) {
        Path file = tmp.resolve("config/guidance-lab/settings.properties");
        UserSettings s = UserSettings.load(file);
        assertEquals(Optional.empty(), s.get(UserSettings.THEME));
        assertFalse(Files.exists(tmp.resolve("config")));
    }

    @Test
    void aChangeCreatesTheFolderAndIsReadBack(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("config/guidance-lab/settings.properties");
        UserSettings.load(file).put(UserSettings.THEME, "dark");
        assertTrue(Files.isRegularFile(file));
        assertFalse(Files.exists(file.resolveSibling("settings.properties.tmp")));
        assertEquals(Optional.of("dark"), UserSettings.load(file).get(UserSettings.THEME));
    }

    @Test
    void aDamagedFileIsReadAsDefaults(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("settings.properties");
        Files.writeString(file, "theme=\\u12");
        assertEquals(Optional.empty(), UserSettings.load(file).get(UserSettings.THEME));
    }
}
