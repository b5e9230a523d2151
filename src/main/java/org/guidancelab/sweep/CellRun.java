package org.guidancelab.sweep;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.runs.RunStatusFile;

/**
 * One cell's life in a sweep folder, harmless to repeat (a cluster re-running a task, a second invocation, a run after
 * kill -9): a finished cell ({@code cells/ID}) is left alone; otherwise, holding the cell's lock, the cell trains in
 * {@code cells/.ID.tmp} (continuing a stopped or killed run found there, starting again over a failed one or one of
 * another experiment) and the folder is renamed to {@code cells/ID} only once the run finished.
 */
public final class CellRun {
    private CellRun() {
    }

    /**
     * @param notes hears what was found and done ("continues after step 120", "held another experiment: started again")
     */
    public static CellOutcome run(SweepFolder folder, SweepCell cell, CellTrainer trainer, CancelSignal cancel,
                                  TrainingListener listener, Consumer<String> notes) {
        String id = cell.id();
        Path done = folder.cellDir(id);
        Path tmp = folder.tmpDir(id);
        try {
            if (Files.isDirectory(done)) {
                return new CellOutcome(cell, CellStatus.FINISHED, "already finished", done, false, false, 0);
            }
            try (SweepFolder.CellLock lock = folder.lock(id)) {
                if (lock == null) {
                    return CellOutcome.notStarted(cell, tmp, "another process is training it");
                }
                if (Files.isDirectory(done)) {
                    return new CellOutcome(cell, CellStatus.FINISHED, "already finished", done, false, false, 0);
                }
                if (prepare(tmp, cell.experiment(), notes) == RunStatus.FINISHED) {
                    // finished just before a kill: only the rename was missing
                    return new CellOutcome(cell, CellStatus.FINISHED, "", publish(tmp, done, notes), false, true, 0);
                }
                long began = System.nanoTime();
                CellResult r = trainer.train(cell, tmp, cancel, listener);
                r.notes().forEach(notes);
                if (r.status() == CellStatus.FAILED && r.resumed() && !cancel.isCancelled() && !failedInFolder(tmp)) {
                    // the run could not be continued (e.g. no usable checkpoint): train it again from the start
                    notes.accept("could not continue the run in " + tmp.getFileName() + " (" + r.message()
                            + "): training it again from the start");
                    SweepFolder.deleteTree(tmp);
                    r = trainer.train(cell, tmp, cancel, listener);
                }
                double secs = (System.nanoTime() - began) / 1e9;
                if (r.status() == CellStatus.FINISHED) {
                    return new CellOutcome(cell, CellStatus.FINISHED, "", publish(tmp, done, notes), true, r.resumed(), secs);
                }
                return new CellOutcome(cell, r.status(), r.message(), tmp, true, r.resumed(), secs);
            }
        } catch (IOException e) {
            return new CellOutcome(cell, CellStatus.FAILED, "cannot use the cell's folder: " + e.getMessage(), tmp, false,
                    false, 0);
        }
    }

    /**
     * Makes {@code tmp} ready: kept when it holds a stopped or cut run of this experiment (to continue), or a finished
     * one (to publish); deleted when it holds a failed run, another experiment, or no readable run. Returns the status
     * of the run kept, or null when there is none.
     */
    static RunStatus prepare(Path tmp, ExperimentSpec exp, Consumer<String> notes) throws IOException {
        if (!Files.exists(tmp)) {
            return null;
        }
        RunRecord r;
        try {
            r = RunReader.read(tmp);
        } catch (IOException | RuntimeException e) {
            SweepFolder.deleteTree(tmp); // cut before its experiment.json was written
            return null;
        }
        if (!ExperimentJson.write(r.experiment()).equals(ExperimentJson.write(exp))) {
            notes.accept(tmp.getFileName() + " held another experiment (another sweep file or --steps): started again");
            SweepFolder.deleteTree(tmp);
            return null;
        }
        RunStatus s = r.status().status();
        if (s == RunStatus.FAILED) {
            notes.accept("it failed before (" + r.status().message() + "): training it again");
            SweepFolder.deleteTree(tmp);
            return null;
        }
        return s;
    }

    private static boolean failedInFolder(Path tmp) {
        try {
            return RunStatusFile.read(tmp.resolve(org.guidancelab.runs.RunFiles.STATUS)).status() == RunStatus.FAILED;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Renames the finished run to its final name; when another process got there first, its copy stands. */
    private static Path publish(Path tmp, Path done, Consumer<String> notes) throws IOException {
        try {
            Files.move(tmp, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            notes.accept("another process finished it first; its folder is kept");
            SweepFolder.deleteTree(tmp);
        }
        return done;
    }
}
