package org.guidancelab.ui.sweep;

import java.nio.file.Path;
import java.util.Optional;

/** The questions the Sweep tab asks; an interface so tests answer them without modal windows. */
public interface SweepDialogs {
    /** A sweep file to open. */
    Optional<Path> chooseSweepFile();

    /** Where to save a sweep file, {@code suggestedName} offered. */
    Optional<Path> chooseSaveFile(String suggestedName);

    /** A sweep folder to open and follow. */
    Optional<Path> chooseSweepFolder();

    void showError(String title, String message);
}
