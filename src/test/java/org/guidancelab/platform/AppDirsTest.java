package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment and properties are injected: nothing here reads the real ones. */
class AppDirsTest {
    private static final Path HOME = Path.of("/home/ada");

    private static AppDirs dirs(Map<String, String> env, Map<String, String> props) {
        Map<String, String> p = new HashMap<>(props);
        p.putIfAbsent("user.home", HOME.toString());
        return AppDirs.of(env, p::get);
    }

    @Test
    void installedUsesTheXdgDefaultsUnderTheHomeFolder() {
        AppDirs d = dirs(Map.of(), Map.of(AppDirs.INSTALLED_PROPERTY, "true"));
        assertTrue(d.installed());
        assertEquals(Path.of("/home/ada/.local/share/guidance-lab"), d.dataDir());
        assertEquals(Path.of("/home/ada/.local/share/guidance-lab/runs"), d.runsDir());
        assertEquals(Path.of("/home/ada/.local/share/guidance-lab/runs"), d.cliRunsDir());
        assertEquals(Path.of("/home/ada/.local/share/guidance-lab/reproduce"), d.cliReproduceDir());
        assertEquals(Path.of("/home/ada/.config/guidance-lab"), d.configDir());
        assertEquals(Path.of("/home/ada/.config/guidance-lab/settings.properties"), d.settingsFile());
    }

    @Test
    void installedFollowsXdgDataHomeAndXdgConfigHome() {
        AppDirs d = dirs(Map.of("XDG_DATA_HOME", "/data/ada", "XDG_CONFIG_HOME", "/cfg/ada"),
                Map.of(AppDirs.INSTALLED_PROPERTY, "true"));
        assertEquals(Path.of("/data/ada/guidance-lab/runs"), d.runsDir());
        assertEquals(Path.of("/cfg/ada/guidance-lab/settings.properties"), d.settingsFile());
    }

    @Test
    void relativeOrEmptyXdgVariablesAreIgnoredAsTheSpecSays() {
        AppDirs d = dirs(Map.of("XDG_DATA_HOME", "relative/data", "XDG_CONFIG_HOME", ""),
                Map.of(AppDirs.INSTALLED_PROPERTY, "true"));
        assertEquals(Path.of("/home/ada/.local/share/guidance-lab"), d.dataDir());
        assertEquals(Path.of("/home/ada/.config/guidance-lab"), d.configDir());
    }

    @Test
    void aJpackageLauncherCountsAsInstalledUnlessTheFlagSaysOtherwise() {
        assertTrue(dirs(Map.of(), Map.of(AppDirs.JPACKAGE_APP_PATH, "/opt/guidance-lab/bin/guidance-lab")).installed());
        assertFalse(dirs(Map.of(), Map.of(AppDirs.JPACKAGE_APP_PATH, "/opt/guidance-lab/bin/guidance-lab",
                AppDirs.INSTALLED_PROPERTY, "false")).installed());
    }

    @Test
    void aSourceCheckoutKeepsItsFoldersAndIgnoresXdg() {
        AppDirs d = dirs(Map.of("XDG_DATA_HOME", "/data/ada", "XDG_CONFIG_HOME", "/cfg/ada"), Map.of());
        assertFalse(d.installed());
        assertEquals(Path.of("/home/ada/.guidance-lab/runs"), d.runsDir());
        assertEquals(Path.of("runs"), d.cliRunsDir());
        assertEquals(Path.of("reproduce"), d.cliReproduceDir());
        assertEquals(Path.of("/home/ada/.guidance-lab/settings.properties"), d.settingsFile());
    }

    @Test
    void theHomeFolderFallsBackToTheHomeVariable() {
        AppDirs d = AppDirs.of(Map.of("HOME", "/home/bob"), Map.of(AppDirs.INSTALLED_PROPERTY, "true")::get);
        assertEquals(Path.of("/home/bob/.local/share/guidance-lab"), d.dataDir());
    }

    @Test
    void fileChoosersStartInTheHomeFolderWhenInstalledAndInPresetsFromACheckout(@TempDir Path tmp) throws Exception {
        assertEquals(HOME, dirs(Map.of(), Map.of(AppDirs.INSTALLED_PROPERTY, "true")).documentsDir(tmp));
        AppDirs source = dirs(Map.of(), Map.of());
        assertEquals(tmp, source.documentsDir(tmp));
        Files.createDirectory(tmp.resolve("presets"));
        assertEquals(tmp.resolve("presets"), source.documentsDir(tmp));
    }
}
