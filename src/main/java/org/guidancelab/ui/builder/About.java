package org.guidancelab.ui.builder;

import java.nio.file.Path;
import java.util.Optional;
import org.guidancelab.platform.AppDirs;
import org.guidancelab.platform.BackendInfo;
import org.guidancelab.platform.Version;

/** The About box's text: version, Java runtime, backend, where the app runs from and where it keeps its files. */
final class About {
    static final String TITLE = "About Guidance Lab";

    private About() {
    }

    /**
     * @param dirs     the app's folders
     * @param runsDir  where the app records runs (the training service's folder)
     * @param backend  the ND4J backend if it has started
     * @param appPath  the launcher of an installed image ({@code jpackage.app-path}), or null
     */
    static String text(AppDirs dirs, Path runsDir, Optional<BackendInfo> backend, String appPath) {
        StringBuilder sb = new StringBuilder();
        sb.append(Version.productName()).append('\n');
        sb.append("A desktop visual lab for guided training (\"Training the Untrainable\", NeurIPS 2025).\n\n");
        sb.append(Version.javaLine()).append('\n');
        sb.append("Backend: ").append(backend.map(BackendInfo::summary).orElse("starting ND4J…")).append('\n');
        sb.append(dirs.installed() ? "Installed in " + installRoot(appPath) : "Running from a source checkout or jar")
                .append('\n');
        sb.append("Runs: ").append(tilde(runsDir, dirs.home())).append('\n');
        sb.append("Settings: ").append(tilde(dirs.settingsFile(), dirs.home()));
        return sb.toString();
    }

    /** ~/.local/share/guidance-lab/runs for /home/ada/.local/share/guidance-lab/runs: shorter, and as users write it. */
    static String tilde(Path p, Path home) {
        Path abs = p.toAbsolutePath().normalize();
        Path h = home.toAbsolutePath().normalize();
        return abs.startsWith(h) && !abs.equals(h) ? "~/" + h.relativize(abs) : p.toString();
    }

    /** /opt/guidance-lab for the launcher /opt/guidance-lab/bin/guidance-lab. */
    static String installRoot(String appPath) {
        if (appPath == null || appPath.isBlank()) {
            return "an installed image";
        }
        Path p = Path.of(appPath).toAbsolutePath();
        return p.getParent() != null && p.getParent().getParent() != null ? p.getParent().getParent().toString()
                : p.toString();
    }
}
