package org.guidancelab.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.ShapeInference;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TapPair;

/**
 * The view model of the builder: the experiment being edited, its file, its validation and its undo history.
 * Views read its properties and send it commands; it never touches a control (so it is unit-tested without a
 * window). Shape inference is pure and fast, so it is re-run on every change on the FX thread. Its problems are
 * the validator's and the values refused in fields ({@link #enter}): one list behind the problems view, the
 * fields' marks and the Run button.
 */
public final class ExperimentDocument {
    public static final int HISTORY_LIMIT = 200;

    private final ReadOnlyObjectWrapper<ExperimentSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<NetworkAnalysis> guideAnalysis = new ReadOnlyObjectWrapper<>(this, "guideAnalysis");
    private final ReadOnlyObjectWrapper<NetworkAnalysis> targetAnalysis = new ReadOnlyObjectWrapper<>(this, "targetAnalysis");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final FieldRejections rejections = new FieldRejections();
    private final ObservableList<FieldKey> rejectedFields = FXCollections.observableArrayList();
    private final ObservableList<FieldKey> rejectedFieldsView = FXCollections.unmodifiableObservableList(rejectedFields);
    private List<Problem> validatorProblems = List.of();
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
    private final ReadOnlyStringWrapper runBlockedReason = new ReadOnlyStringWrapper(this, "runBlockedReason", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ObjectProperty<BlockRef> selection = new SimpleObjectProperty<>(this, "selection");
    private final ObjectProperty<TapPair> selectedPair = new SimpleObjectProperty<>(this, "selectedPair");
    private final UndoHistory history = new UndoHistory(HISTORY_LIMIT);
    private ExperimentSpec saved;
    private Consumer<RunRequest> runHandler = r -> { };

    public ExperimentDocument(ExperimentSpec initial, Path initialFile) {
        load(initial, initialFile);
    }

    /** Replaces the whole experiment (New, Open, a preset): a fresh history, nothing unsaved. */
    public void load(ExperimentSpec newSpec, Path newFile) {
        Objects.requireNonNull(newSpec, "spec");
        history.clear();
        rejections.clear();
        saved = newSpec;
        file.set(newFile);
        selection.set(null);
        selectedPair.set(null);
        setSpec(newSpec);
    }

    /** Runs an edit and records it for undo; a command that changes nothing is not recorded. */
    public void execute(Command command) {
        ExperimentSpec before = spec.get();
        ExperimentSpec after = command.change().apply(before);
        if (after.equals(before)) {
            return;
        }
        history.push(new UndoHistory.Entry(command.label(), before, after));
        setSpec(after);
        if (command.selectAfter() != null) {
            selection.set(command.selectAfter());
        }
    }

    public void execute(Optional<Command> command) {
        command.ifPresent(this::execute);
    }

    /**
     * A value entered into a field: put in force by its edit, or, when the edit refuses it, kept as the field's
     * refused value, listed as a problem (so Run is disabled) until the field gets a value that is accepted or is
     * reverted. Returns the reason when refused.
     */
    public Optional<String> enter(FieldKey key, Object value, FieldEdit edit) {
        Optional<Command> command;
        try {
            command = edit.apply(spec.get(), value);
        } catch (IllegalArgumentException e) {
            rejections.put(key, value, e.getMessage(), edit);
            refreshProblems(spec.get());
            publishRejections();
            return Optional.of(e.getMessage());
        }
        rejections.remove(key);
        command.ifPresent(this::execute);
        refreshProblems(spec.get());
        publishRejections();
        return Optional.empty();
    }

    /** Forgets the refused value of {@code key}: its field shows the value in force again. */
    public void revert(FieldKey key) {
        rejections.remove(key);
        refreshProblems(spec.get());
        publishRejections();
    }

    /** The refused value {@code key} holds, if any: its field shows this instead of the value in force. */
    public Optional<Object> rejectedValue(FieldKey key) {
        return rejections.value(key);
    }

    /** The fields holding a refused value, in the order they were entered. */
    public ObservableList<FieldKey> rejectedFields() {
        return rejectedFieldsView;
    }

    public boolean undo() {
        Optional<UndoHistory.Entry> e = history.undo();
        e.ifPresent(x -> setSpec(x.before()));
        return e.isPresent();
    }

    public boolean redo() {
        Optional<UndoHistory.Entry> e = history.redo();
        e.ifPresent(x -> setSpec(x.after()));
        return e.isPresent();
    }

    /** The experiment now matches {@code where} on disk. */
    public void markSaved(Path where) {
        saved = spec.get();
        file.set(where);
        dirty.set(false);
    }

    private void setSpec(ExperimentSpec s) {
        NetworkAnalysis g = ShapeInference.analyze(s.guide());
        NetworkAnalysis t = ShapeInference.analyze(s.target());
        guideAnalysis.set(g);
        targetAnalysis.set(t);
        validatorProblems = Validation.problems(s);
        rejections.recheck(s);
        refreshProblems(s);
        spec.set(s);
        dirty.set(!s.equals(saved));
        publishRejections();
        clampSelection(s);
        canUndo.set(history.undoSize() > 0);
        canRedo.set(history.redoSize() > 0);
        undoLabel.set(history.nextUndoLabel().orElse(""));
        redoLabel.set(history.nextRedoLabel().orElse(""));
    }

    /** The validator's problems, then one per refused field value; Run waits until there are none. */
    private void refreshProblems(ExperimentSpec s) {
        List<Problem> all = new ArrayList<>(validatorProblems);
        all.addAll(rejections.problems(s));
        if (!all.equals(problems)) {
            problems.setAll(all);
        }
        canRun.set(all.isEmpty());
        runBlockedReason.set(all.isEmpty() ? "" : all.get(0).describe()
                + (all.size() > 1 ? " (and " + (all.size() - 1) + " more)" : ""));
    }

    /** Last, once spec and problems agree, since views redraw blocks when a field's refusal comes or goes. */
    private void publishRejections() {
        List<FieldKey> now = rejections.fields();
        if (!now.equals(rejectedFields)) {
            rejectedFields.setAll(now);
        }
    }

    private void clampSelection(ExperimentSpec s) {
        BlockRef sel = selection.get();
        if (sel != null && sel.index() >= sel.lane().network(s).size()) {
            selection.set(null);
        }
        TapPair p = selectedPair.get();
        if (p != null && !s.resolvedPairs().contains(p)) {
            selectedPair.set(null);
        }
    }

    /** Raises a run request if the experiment is valid; returns whether it did. */
    public boolean requestRun() {
        if (!canRun.get()) {
            return false;
        }
        runHandler.accept(new RunRequest(spec.get(), file.get()));
        return true;
    }

    /** Who trains: the dashboard registers here. */
    public void setRunHandler(Consumer<RunRequest> handler) {
        runHandler = Objects.requireNonNull(handler, "handler");
    }

    public ExperimentSpec getSpec() { return spec.get(); }
    public ReadOnlyObjectProperty<ExperimentSpec> specProperty() { return spec.getReadOnlyProperty(); }
    public Path getFile() { return file.get(); }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public boolean isDirty() { return dirty.get(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public NetworkAnalysis analysis(Lane lane) { return lane == Lane.GUIDE ? guideAnalysis.get() : targetAnalysis.get(); }
    public ObservableList<Problem> problems() { return problemsView; }
    public List<Problem> problemsAbout(Lane lane, int index) {
        return problems.stream().filter(p -> p.lane() == lane && p.layerIndex() == index).toList();
    }
    public List<Problem> problemsAbout(FieldKey field) {
        return problems.stream().filter(p -> field.equals(p.field())).toList();
    }
    public boolean canRun() { return canRun.get(); }
    public ReadOnlyBooleanProperty canRunProperty() { return canRun.getReadOnlyProperty(); }
    public String getRunBlockedReason() { return runBlockedReason.get(); }
    public ReadOnlyStringProperty runBlockedReasonProperty() { return runBlockedReason.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoLabelProperty() { return undoLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty redoLabelProperty() { return redoLabel.getReadOnlyProperty(); }
    public ObjectProperty<BlockRef> selectionProperty() { return selection; }
    public ObjectProperty<TapPair> selectedPairProperty() { return selectedPair; }
}
