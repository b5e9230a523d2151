package org.guidancelab.sweep;

import java.nio.file.Path;

/**
 * One cell to run in a sweep folder: plain data (the folder and the cell with its experiment), so an executor may run
 * it in this process ({@link LocalExecutor}) or ship it elsewhere and run {@link CellRun#run} there: running a job
 * twice, or after a crash, is harmless (a finished cell is skipped, a cut one continued).
 */
public record CellJob(Path sweepFolder, SweepCell cell) {
}
