package org.guidancelab.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where Guidance Lab reads and writes its files. Two situations:
 * <ul>
 *   <li><b>Installed</b> (the jpackage image or the .deb; its launcher passes {@code -Dguidancelab.installed=true},
 *       and every jpackage launcher sets {@code jpackage.app-path}): runs under {@code $XDG_DATA_HOME/guidance-lab}
 *       (default {@code ~/.local/share/guidance-lab}), settings under {@code $XDG_CONFIG_HOME/guidance-lab} (default
 *       {@code ~/.config/guidance-lab}), per the XDG Base Directory specification. Nothing goes into the installation
 *       folder or the working directory.</li>
 *   <li><b>Source checkout</b> ({@code ./mvnw javafx:run}, {@code java -jar target/guidance-lab.jar}): as before,
 *       the app keeps its runs in {@code ~/.guidance-lab/runs} and the CLI writes {@code ./runs} and
 *       {@code ./reproduce} in the working directory.</li>
 * </ul>
 * {@code -Dguidancelab.installed=false} forces the source-checkout layout (and {@code =true} the installed one).
 * The CLI's {@code --out} and the app's {@code -Dguidancelab.runs} still win over these defaults.
 */
public final class AppDirs {
    public static final String INSTALLED_PROPERTY = "guidancelab.installed";
    /** Set by every launcher jpackage makes: the launcher's own path. */
    public static final String JPACKAGE_APP_PATH = "jpackage.app-path";
    /** The folder name under the XDG base folders. */
    public static final String APP_FOLDER = "guidance-lab";
    /** The source-checkout folder under the home folder (where the app's runs have always gone). */
    static final String DOT_FOLDER = ".guidance-lab";

    private final boolean installed;
    private final Path home;
    private final Path dataHome;
    private final Path configHome;

    private AppDirs(boolean installed, Path home, Path dataHome, Path configHome) {
        this.installed = installed;
        this.home = home;
        this.dataHome = dataHome;
        this.configHome = configHome;
    }

    /** The folders of this process: its environment and system properties. */
    public static AppDirs current() {
        return of(System.getenv(), System::getProperty);
    }

    /**
     * The folders for a given environment ({@code XDG_DATA_HOME}, {@code XDG_CONFIG_HOME}, {@code HOME}) and system
     * properties ({@code user.home}, {@code guidancelab.installed}, {@code jpackage.app-path}); tests pass their own.
     */
    public static AppDirs of(Map<String, String> env, Function<String, String> properties) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(properties, "properties");
        String userHome = properties.apply("user.home");
        if (userHome == null || userHome.isBlank()) {
            userHome = env.getOrDefault("HOME", ".");
        }
        Path home = Path.of(userHome);
        Path dataHome = xdg(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        Path configHome = xdg(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        return new AppDirs(isInstalled(properties), home, dataHome, configHome);
    }

    /** Whether this process runs from an installed image (see the class comment). */
    public static boolean isInstalled(Function<String, String> properties) {
        String flag = properties.apply(INSTALLED_PROPERTY);
        if (flag != null && !flag.isBlank()) {
            return Boolean.parseBoolean(flag.strip());
        }
        String appPath = properties.apply(JPACKAGE_APP_PATH);
        return appPath != null && !appPath.isBlank();
    }

    /** An XDG base folder: the variable when it is an absolute path, else the default (the spec ignores relative ones). */
    static Path xdg(String value, Path dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : dflt;
    }

    public boolean installed() {
        return installed;
    }

    public Path home() {
        return home;
    }

    /** Runs, imported guides and other data: {@code $XDG_DATA_HOME/guidance-lab} installed, {@code ~/.guidance-lab} otherwise. */
    public Path dataDir() {
        return installed ? dataHome.resolve(APP_FOLDER) : home.resolve(DOT_FOLDER);
    }

    /** Settings: {@code $XDG_CONFIG_HOME/guidance-lab} installed, {@code ~/.guidance-lab} otherwise. */
    public Path configDir() {
        return installed ? configHome.resolve(APP_FOLDER) : home.resolve(DOT_FOLDER);
    }

    /** The settings file (a Java properties file) in {@link #configDir()}. */
    public Path settingsFile() {
        return configDir().resolve("settings.properties");
    }

    /** The app's folder of run folders (the History tab lists it). */
    public Path runsDir() {
        return dataDir().resolve("runs");
    }

    /** The CLI's default {@code run --out}: {@code ./runs} from a source checkout, {@link #runsDir()} installed. */
    public Path cliRunsDir() {
        return installed ? runsDir() : Path.of("runs");
    }

    /** The CLI's default {@code reproduce --out}: {@code ./reproduce} from a source checkout, in the data folder installed. */
    public Path cliReproduceDir() {
        return installed ? dataDir().resolve("reproduce") : Path.of("reproduce");
    }

    /**
     * Where the app's file choosers start: {@code ./presets} when the source checkout's working directory has it,
     * else the working directory; the home folder when installed (the working directory of a desktop launcher is
     * nothing the user chose, and may be read-only).
     */
    public Path documentsDir(Path workingDirectory) {
        if (installed) {
            return home;
        }
        Path presets = workingDirectory.resolve("presets");
        return java.nio.file.Files.isDirectory(presets) ? presets : workingDirectory;
    }

    @Override
    public String toString() {
        return (installed ? "installed" : "source checkout") + ": data " + dataDir() + ", settings " + configDir();
    }
}
