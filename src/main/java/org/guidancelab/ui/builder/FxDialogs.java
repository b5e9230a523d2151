package org.guidancelab.ui.builder;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.guidancelab.platform.AppDirs;

/** {@link Dialogs} as real JavaFX alerts and file choosers. */
public final class FxDialogs implements Dialogs {
    private static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("Experiment JSON", "*.json");

    private final Window owner;
    /** Where the choosers start: ./presets of a source checkout, the home folder when installed (see AppDirs). */
    private File lastDir = AppDirs.current().documentsDir(Path.of(".")).toFile();

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message);
    }

    private void alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        withIcon(a);
        a.showAndWait();
    }

    @Override
    public void showAbout(String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(About.TITLE);
        int nl = text.indexOf('\n');
        a.setHeaderText(nl > 0 ? text.substring(0, nl) : text);
        a.setContentText(nl > 0 ? text.substring(nl + 1) : "");
        javafx.scene.image.Image icon = AppIcon.image(48);
        if (icon != null) {
            a.setGraphic(new javafx.scene.image.ImageView(icon));
        }
        withIcon(a);
        a.getDialogPane().setMinWidth(640);
        a.getDialogPane().setPrefWidth(640); // the dialog is centred on its preferred size, before the minimum applies
        a.showAndWait();
    }

    /** Dialog windows carry the app's icon too (the window manager shows it in the task switcher). */
    private static void withIcon(Alert a) {
        if (a.getDialogPane().getScene().getWindow() instanceof javafx.stage.Stage st) {
            st.getIcons().setAll(AppIcon.images());
        }
    }

    @Override
    public SaveChoice askSave(String documentName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Save the changes to " + documentName + "?", save, discard, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("The experiment has unsaved changes");
        withIcon(a);
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
            return SaveChoice.CANCEL;
        }
        return r.get() == save ? SaveChoice.SAVE : SaveChoice.DISCARD;
    }

    @Override
    public Optional<Path> chooseOpen(String title) {
        FileChooser fc = chooser(title);
        File f = fc.showOpenDialog(owner);
        return remember(f);
    }

    @Override
    public Optional<Path> chooseSave(String title, String suggestedName) {
        FileChooser fc = chooser(title);
        fc.setInitialFileName(suggestedName);
        return remember(fc.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseModelFile(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Keras h5, DeepLearning4J zip or SameDiff sdz", "*.h5", "*.hdf5", "*.zip", "*.sdz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDir.isDirectory()) {
            fc.setInitialDirectory(lastDir);
        }
        return remember(fc.showOpenDialog(owner));
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(JSON);
        if (lastDir.isDirectory()) {
            fc.setInitialDirectory(lastDir);
        }
        return fc;
    }

    private Optional<Path> remember(File f) {
        if (f == null) {
            return Optional.empty();
        }
        lastDir = f.getAbsoluteFile().getParentFile();
        return Optional.of(f.toPath());
    }
}
