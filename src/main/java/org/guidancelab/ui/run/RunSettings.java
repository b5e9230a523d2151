package org.guidancelab.ui.run;

import java.nio.file.Path;
import java.util.Objects;
import org.guidancelab.engine.train.ArmSchedule;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.platform.AppDirs;

/**
 * Where the app keeps its runs and how it trains them.
 *
 * @param runsDir folder of run folders ({@link AppDirs#runsDir()}: {@code ~/.guidance-lab/runs} from a source
 *                checkout, {@code ~/.local/share/guidance-lab/runs} installed; the {@code guidancelab.runs} system
 *                property names another)
 * @param options engine options (probe size of the CKA heatmaps, how models are built); the app's arms take turns a
 *                step each ({@link ArmSchedule#INTERLEAVED}), so the dashboard shows them side by side as they train
 * @param threads compute threads for ND4J (1 is fastest for small nets on the lab's 2-core machines)
 */
public record RunSettings(Path runsDir, TrainerOptions options, int threads) {
    public static final String RUNS_PROPERTY = "guidancelab.runs";

    public RunSettings {
        Objects.requireNonNull(runsDir, "runsDir");
        Objects.requireNonNull(options, "options");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    public static RunSettings defaults() {
        String prop = System.getProperty(RUNS_PROPERTY);
        Path dir = prop != null && !prop.isBlank() ? Path.of(prop) : AppDirs.current().runsDir();
        return new RunSettings(dir, TrainerOptions.defaults().withSchedule(ArmSchedule.INTERLEAVED), 1);
    }

    /** Where sweeps started in the app go, and which History lists: beside the runs folder. */
    public Path sweepsDir() {
        return runsDir.toAbsolutePath().resolveSibling("sweeps");
    }

    public RunSettings withRunsDir(Path dir) {
        return new RunSettings(dir, options, threads);
    }

    public RunSettings withOptions(TrainerOptions o) {
        return new RunSettings(runsDir, o, threads);
    }
}
