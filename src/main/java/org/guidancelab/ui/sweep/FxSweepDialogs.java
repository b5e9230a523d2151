package org.guidancelab.ui.sweep;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The Sweep tab's questions as the desktop's file and folder choosers. */
public final class FxSweepDialogs implements SweepDialogs {
    private final javafx.scene.Node anchor;
    private final Path sweepsDir;

    /** Dialogs owned by the window {@code anchor} is shown in (looked up when asked: it may not be shown yet). */
    public FxSweepDialogs(javafx.scene.Node anchor, Path sweepsDir) {
        this.anchor = anchor;
        this.sweepsDir = sweepsDir;
    }

    private Window owner() {
        return anchor.getScene() == null ? null : anchor.getScene().getWindow();
    }

    @Override
    public Optional<Path> chooseSweepFile() {
        FileChooser c = chooser("Open sweep file");
        return Optional.ofNullable(c.showOpenDialog(owner())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String suggestedName) {
        FileChooser c = chooser("Save sweep file");
        c.setInitialFileName(suggestedName);
        return Optional.ofNullable(c.showSaveDialog(owner())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSweepFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Open sweep folder");
        if (sweepsDir.toFile().isDirectory()) {
            c.setInitialDirectory(sweepsDir.toFile());
        }
        return Optional.ofNullable(c.showDialog(owner())).map(File::toPath);
    }

    @Override
    public void showError(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(owner());
        a.showAndWait();
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sweep files (*.json)", "*.json"));
        return c;
    }
}
