package org.guidancelab.ui.builder;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.guidancelab.platform.AppDirs;
import org.guidancelab.platform.Backends;
import org.guidancelab.platform.Version;
import org.guidancelab.ui.model.DropPlanner;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.RunRequest;
import org.guidancelab.ui.run.RunSettings;

/**
 * The builder window: palette and architecture library on the left, the guide and target lanes in the centre,
 * the property editor and experiment settings on the right, problems and status at the bottom.
 */
public final class MainWindow extends BorderPane {
    private final BuilderContext ctx;
    private final FileActions files;
    private final EditActions edits;
    private final Library library;
    private final CanvasView canvas;
    private final MainToolBar toolBar;
    private final javafx.event.EventHandler<KeyEvent> keyHandler = this::keys;
    private final Dialogs dialogs;
    private Theme theme = Theme.LIGHT;
    private Consumer<Theme> onThemeChanged = t -> { };

    public MainWindow(Library library, Dialogs dialogs) {
        this.library = library;
        this.dialogs = dialogs;
        ExperimentDocument doc = new ExperimentDocument(library.defaultExperiment(), null);
        this.ctx = new BuilderContext(doc, new DropPlanner(library::architecture));
        this.files = new FileActions(ctx, dialogs);
        this.edits = new EditActions(ctx);
        this.canvas = new CanvasView(ctx, files);
        this.toolBar = new MainToolBar(this);
        getStylesheets().add(getClass().getResource(Styles.STYLESHEET).toExternalForm());
        setTop(toolBar);
        setCenter(new SplitPane(left(), canvas, right()));
        ((SplitPane) getCenter()).setDividerPositions(0.14, 0.75);
        VBox bottom = new VBox(new ProblemsView(doc), new StatusBar(ctx));
        setBottom(bottom);
        // On the scene, not this pane: with nothing focused (after a drag) key events go to the scene only.
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
            }
            if (scene != null) {
                scene.addEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
            }
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !e.getDragboard().hasContent(DnD.FORMAT)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().getFiles();
            if (dropped != null && !dropped.isEmpty()) {
                e.setDropCompleted(files.dropOnWindow(dropped));
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            doc.selectedPairProperty().set(null);
        });
        if (!library.problems().isEmpty()) {
            ctx.say("Some presets could not be read: " + String.join("; ", library.problems()));
        }
    }

    private ScrollPane left() {
        VBox box = new VBox(12, new PaletteView(), new LibraryView(library.architectures(), files.guides()::chooseAndImport));
        box.getStyleClass().add(Styles.SIDE);
        ScrollPane s = new ScrollPane(box);
        s.setFitToWidth(true);
        s.setMinWidth(190);
        return s;
    }

    private ScrollPane right() {
        VBox box = new VBox(12, new PropertyPanel(ctx), new SettingsPanel(ctx));
        box.getStyleClass().add(Styles.SIDE);
        ScrollPane s = new ScrollPane(box);
        s.setFitToWidth(true);
        s.setMinWidth(280);
        return s;
    }

    /**
     * Keys act on the canvas; while the user types in a text field only the file shortcuts apply (Delete, Ctrl+Z,
     * Ctrl+C there edit the text).
     */
    private void keys(KeyEvent e) {
        boolean ctrl = e.isShortcutDown();
        boolean fileKey = ctrl && (e.getCode() == KeyCode.S || e.getCode() == KeyCode.O || e.getCode() == KeyCode.N);
        if (e.getTarget() instanceof TextInputControl && !fileKey) {
            return;
        }
        boolean handled = true;
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            edits.delete();
        } else if (ctrl && e.getCode() == KeyCode.Z && e.isShiftDown() || ctrl && e.getCode() == KeyCode.Y) {
            ctx.document().redo();
        } else if (ctrl && e.getCode() == KeyCode.Z) {
            ctx.document().undo();
        } else if (ctrl && e.getCode() == KeyCode.C) {
            edits.copy();
        } else if (ctrl && e.getCode() == KeyCode.V) {
            edits.paste();
        } else if (ctrl && e.getCode() == KeyCode.D) {
            edits.duplicate();
        } else if (ctrl && e.getCode() == KeyCode.S && e.isShiftDown()) {
            files.saveAs();
        } else if (ctrl && e.getCode() == KeyCode.S) {
            files.save();
        } else if (ctrl && e.getCode() == KeyCode.O) {
            files.open();
        } else if (ctrl && e.getCode() == KeyCode.N) {
            files.newExperiment();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    /**
     * "Guidance Lab 0.1.0 — teaching-demo.json *": the product and its version, the file (or the title) and a star
     * while there are unsaved changes.
     */
    public StringBinding titleBinding() {
        ExperimentDocument doc = ctx.document();
        return Bindings.createStringBinding(() -> {
            String name = doc.getFile() != null ? doc.getFile().getFileName().toString()
                    : doc.getSpec().title().isEmpty() ? "Untitled" : doc.getSpec().title();
            return Version.productName() + " — " + name + (doc.isDirty() ? " *" : "");
        }, doc.fileProperty(), doc.dirtyProperty(), doc.specProperty());
    }

    void showGallery() {
        Window w = getScene() == null ? null : getScene().getWindow();
        PresetGallery.choose(w, library.presets()).ifPresent(p -> files.openPreset(p.experiment()));
    }

    void toggleTheme() {
        theme = theme.other();
        theme.apply();
        onThemeChanged.accept(theme);
    }

    /** Called with the new theme when the user switches it (the app saves it in the settings). */
    public void setOnThemeChanged(Consumer<Theme> handler) {
        onThemeChanged = handler;
    }

    void showAbout() {
        RunSettings run = RunSettings.defaults();
        dialogs.showAbout(About.text(AppDirs.current(), run.runsDir(), Backends.detectedSoFar().map(b -> b.withThreads(run.threads())),
                System.getProperty(AppDirs.JPACKAGE_APP_PATH)));
    }

    public void setTheme(Theme t) {
        theme = t;
        theme.apply();
    }

    void run() {
        ctx.document().requestRun();
    }

    /** Where Run requests go; the training dashboard subscribes here. */
    public void setOnRun(Consumer<RunRequest> handler) {
        ctx.document().setRunHandler(handler);
    }

    /** Asks to save unsaved changes; false when the user cancelled closing. */
    public boolean confirmClose() {
        return files.confirmDiscard();
    }

    /** Shows {@code text} in the status bar (what the app has to tell the user about the builder). */
    public void say(String text) {
        ctx.say(text);
    }

    BuilderContext context() {
        return ctx;
    }

    FileActions files() {
        return files;
    }

    EditActions edits() {
        return edits;
    }

    CanvasView canvas() {
        return canvas;
    }

    public ExperimentDocument document() {
        return ctx.document();
    }
}
