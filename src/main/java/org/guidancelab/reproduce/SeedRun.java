package org.guidancelab.reproduce;

import java.nio.file.Path;

/**
 * One (finding, seed) run: its run folder and how it ended.
 *
 * @param seed     1..N; the run's training seed is the preset's seed + seed - 1 (the dataset stays fixed)
 * @param reused   the folder already held this finished run (a reproduce continued after Ctrl-C)
 * @param wallSeconds the run's wall time as reproduce measured it (0 when reused or not run)
 * @param status   "finished", "stopped", "failed", or "not run" (a setup error, told in {@code message})
 */
public record SeedRun(Finding finding, int seed, Path dir, String status, String message, boolean reused,
                      double wallSeconds) {
    public boolean finished() {
        return "finished".equals(status);
    }
}
