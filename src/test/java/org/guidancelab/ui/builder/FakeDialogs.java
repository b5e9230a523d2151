package org.guidancelab.ui.builder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the builder's questions in tests and records what it showed. */
public final class FakeDialogs implements Dialogs {
    final List<String> errors = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    SaveChoice saveChoice = SaveChoice.DISCARD;
    Path openAnswer;
    Path saveAnswer;
    int saveQuestions;

    @Override public void showError(String title, String message) { errors.add(title + ": " + message); }
    @Override public void showInfo(String title, String message) { infos.add(title + ": " + message); }
    @Override public SaveChoice askSave(String documentName) { saveQuestions++; return saveChoice; }
    @Override public Optional<Path> chooseOpen(String title) { return Optional.ofNullable(openAnswer); }
    @Override public Optional<Path> chooseSave(String title, String suggestedName) { return Optional.ofNullable(saveAnswer); }
}
