package org.guidancelab.ui.builder;

import java.nio.file.Path;
import java.util.Optional;

/** The questions the builder asks the user; behind an interface so tests answer them without modal windows. */
public interface Dialogs {
    /** The answer to "save changes?". */
    enum SaveChoice { SAVE, DISCARD, CANCEL }

    void showError(String title, String message);

    void showInfo(String title, String message);

    /** The About box: {@code text} is {@link About#text}'s. */
    default void showAbout(String text) {
        showInfo(About.TITLE, text);
    }

    SaveChoice askSave(String documentName);

    Optional<Path> chooseOpen(String title);

    Optional<Path> chooseSave(String title, String suggestedName);

    /** A guide's model file (Keras .h5, DeepLearning4J .zip, SameDiff .sdz); by default the plain open dialog. */
    default Optional<Path> chooseModelFile(String title) {
        return chooseOpen(title);
    }
}
