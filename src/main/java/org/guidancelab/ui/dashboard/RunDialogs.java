package org.guidancelab.ui.dashboard;

import java.nio.file.Path;
import java.util.Optional;

/** The questions the dashboard and history ask; an interface so tests answer them without modal windows. */
public interface RunDialogs {
    boolean confirm(String title, String message);

    /** Where to write an exported file, suggesting {@code suggestedName}; empty when cancelled. */
    Optional<Path> chooseExportFile(String title, String suggestedName);

    void showError(String title, String message);

    /** A folder to open (a sweep folder); empty when cancelled. None by default (a view that asks for none). */
    default Optional<Path> chooseFolder(String title) {
        return Optional.empty();
    }
}
