package org.guidancelab.ui.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the dashboard's questions in tests and records what it asked. */
final class FakeRunDialogs implements RunDialogs {
    final List<String> confirmations = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    boolean confirmAnswer = true;
    Path exportAnswer;

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName) {
        return Optional.ofNullable(exportAnswer);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }
}
