package org.guidancelab.engine.imported;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be a guide: missing, unreadable, not a model, a layer the import cannot run, or a shape
 * that does not fit the data. The message names the file (and the layer when one is at fault) and says what to do;
 * it is an IOException so that the paths that already report unreadable files (a run's failure, the CLI's error
 * line, the app's dialog) report it the same way, without a stack trace.
 */
public final class GuideImportException extends IOException {
    public GuideImportException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public GuideImportException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
