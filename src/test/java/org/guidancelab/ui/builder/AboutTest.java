package org.guidancelab.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.guidancelab.platform.AppDirs;
import org.guidancelab.platform.BackendInfo;
import org.junit.jupiter.api.Test;

class AboutTest {
    private static final BackendInfo CPU = new BackendInfo(BackendInfo.Kind.CPU, "AMD EPYC", 24L << 30, 20L << 30, 1,
            "OPENBLAS", 1);

    @Test
    void anInstalledAppNamesItsFolderItsRunsAndItsSettings() {
        AppDirs dirs = AppDirs.of(Map.of(), Map.of("user.home", "/home/ada", AppDirs.INSTALLED_PROPERTY, "true")::get);
        String text = About.text(dirs, dirs.runsDir(), Optional.of(CPU), "/opt/guidance-lab/bin/guidance-lab");
        assertTrue(text.startsWith("Guidance Lab "), text);
        assertTrue(text.contains("\nBackend: CPU · AMD EPYC"), text);
        assertTrue(text.contains("\nInstalled in /opt/guidance-lab\n"), text);
        assertTrue(text.contains("\nRuns: ~/.local/share/guidance-lab/runs\n"), text);
        assertTrue(text.endsWith("\nSettings: ~/.config/guidance-lab/settings.properties"), text);
    }

    @Test
    void beforeNd4jStartsTheBackendLineSaysSo() {
        AppDirs dirs = AppDirs.of(Map.of(), Map.of("user.home", "/home/ada")::get);
        String text = About.text(dirs, Path.of("/tmp/runs"), Optional.empty(), null);
        assertTrue(text.contains("\nBackend: starting ND4J…\n"), text);
        assertTrue(text.contains("\nRunning from a source checkout or jar\n"), text);
    }

    @Test
    void pathsUnderTheHomeFolderAreShownWithATilde() {
        assertEquals("~/.guidance-lab/runs", About.tilde(Path.of("/home/ada/.guidance-lab/runs"), Path.of("/home/ada")));
        assertEquals("/data/runs", About.tilde(Path.of("/data/runs"), Path.of("/home/ada")));
        assertEquals("/home/adam/runs", About.tilde(Path.of("/home/adam/runs"), Path.of("/home/ada")));
    }

    @Test
    void theInstallFolderIsTheLaunchersGrandparent() {
        assertEquals("/usr/lib/guidance-lab", About.installRoot("/usr/lib/guidance-lab/bin/guidance-lab"));
        assertEquals("an installed image", About.installRoot(null));
    }
}
