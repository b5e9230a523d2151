package org.guidancelab.ui.builder;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.guidancelab.arch.JsonSpecException;
import org.guidancelab.arch.NetworkJson;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.Lane;
import org.guidancelab.ui.model.Starters;

/**
 * New, Open, Save, Save As and file drops. A file that cannot be read shows its error (file, line, JSON path) and
 * leaves the open experiment untouched; replacing unsaved work always asks first.
 */
final class FileActions implements FileDrops {
    private final BuilderContext ctx;
    private final Dialogs dialogs;
    private final GuideImport guides;

    FileActions(BuilderContext ctx, Dialogs dialogs) {
        this.ctx = ctx;
        this.dialogs = dialogs;
        this.guides = new GuideImport(ctx, dialogs);
    }

    /** "Guide from file..." of the library. */
    GuideImport guides() {
        return guides;
    }

    private ExperimentDocument doc() {
        return ctx.document();
    }

    void newExperiment() {
        if (confirmDiscard()) {
            doc().load(Starters.newExperiment(), null);
        }
    }

    void open() {
        if (confirmDiscard()) {
            dialogs.chooseOpen("Open experiment").ifPresent(this::openFile);
        }
    }

    /** Loads an experiment file; on failure shows why and keeps the current experiment. */
    boolean openFile(Path file) {
        try {
            ExperimentSpec spec = ExperimentJson.read(file);
            doc().load(spec, file);
            ctx.say("Opened " + file.getFileName());
            return true;
        } catch (IOException e) {
            dialogs.showError("Cannot open " + file.getFileName(), "Cannot read " + file + ": " + e.getMessage());
        } catch (JsonSpecException e) {
            dialogs.showError("Cannot open " + file.getFileName(), e.getMessage());
        }
        return false;
    }

    /** Opens a preset as a new, unsaved experiment (so Save asks where instead of overwriting the preset). */
    void openPreset(ExperimentSpec preset) {
        if (confirmDiscard()) {
            doc().load(preset, null);
        }
    }

    boolean save() {
        return doc().getFile() == null ? saveAs() : write(doc().getFile());
    }

    boolean saveAs() {
        String suggested = doc().getFile() != null ? doc().getFile().getFileName().toString()
                : doc().getSpec().title().replaceAll("[^A-Za-z0-9_-]+", "-").toLowerCase() + ".json";
        return dialogs.chooseSave("Save experiment", suggested).map(this::write).orElse(false);
    }

    boolean write(Path file) {
        try {
            Files.writeString(file, ExperimentJson.write(doc().getSpec()), StandardCharsets.UTF_8);
            doc().markSaved(file);
            ctx.say("Saved " + file.getFileName());
            return true;
        } catch (IOException e) {
            dialogs.showError("Cannot save", "Cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }

    /** True when there is nothing unsaved, or the user saved or chose to discard it. */
    boolean confirmDiscard() {
        if (!doc().isDirty()) {
            return true;
        }
        String name = doc().getFile() == null ? "the untitled experiment" : doc().getFile().getFileName().toString();
        switch (dialogs.askSave(name)) {
            case SAVE: return save();
            case DISCARD: return true;
            default: return false;
        }
    }

    /** A network file replaces the lane's network; an experiment file dropped on a lane opens as on the window. */
    @Override
    public boolean dropOnLane(List<File> files, Lane lane) {
        if (files.isEmpty()) {
            return false;
        }
        Path file = files.get(0).toPath();
        if (GuideImport.isModelFile(file)) { // a Keras h5, DL4J zip or SameDiff sdz: a guide trained elsewhere
            if (lane != Lane.GUIDE) {
                dialogs.showError("Cannot use " + file.getFileName() + " as the target", file + ": a model file can only be"
                        + " the guide (frozen as it came); the target is trained here, from the lab's layers");
                return false;
            }
            return guides.importGuide(file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            dialogs.showError("Cannot read " + file.getFileName(), e.getMessage());
            return false;
        }
        if (looksLikeExperiment(text)) {
            return dropOnWindow(files);
        }
        try {
            NetworkSpec net = NetworkJson.parse(text, file.toString());
            return ctx.perform(() -> Edits.replaceNetwork(doc().getSpec(), lane, net));
        } catch (JsonSpecException e) {
            dialogs.showError("Cannot use " + file.getFileName() + " as the " + lane.label().toLowerCase(), e.getMessage());
            return false;
        }
    }

    @Override
    public boolean dropOnWindow(List<File> files) {
        if (files.isEmpty() || !confirmDiscard()) {
            return false;
        }
        return openFile(files.get(0).toPath());
    }

    /** Experiment files have both networks; a network file has layers at the top. */
    private static boolean looksLikeExperiment(String text) {
        return text.contains("\"guide\"") && text.contains("\"target\"");
    }
}
