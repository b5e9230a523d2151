package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.ui.run.RunJob;
import org.guidancelab.ui.run.TrainingService;
import org.guidancelab.ui.run.TrainingTask;

/**
 * Past runs from the run store: open one to see all its figures, resume a stopped (or failed) one, delete one.
 * The list refreshes itself whenever a run ends.
 */
public final class HistoryView extends BorderPane {
    private final TrainingService service;
    private final RunDialogs dialogs;
    private final ListView<RunEntry> list = new ListView<>();
    private final RunFiguresView figures;
    private final Label status = new Label();
    private final Button open = new Button("Open");
    private final Button resume = new Button("Resume");
    private final Button delete = new Button("Delete…");
    private final Button refresh = new Button("Refresh");
    private final Button exportMetrics = new Button("Export metrics…");
    private Runnable onResume = () -> { };

    public HistoryView(TrainingService service, RunDialogs dialogs) {
        this.service = service;
        this.dialogs = dialogs;
        this.figures = new RunFiguresView(dialogs);
        setId("history");
        list.setId("history-list");
        open.setId("history-open");
        resume.setId("history-resume");
        delete.setId("history-delete");
        status.setId("history-status");
        status.setWrapText(true);
        var none = list.getSelectionModel().selectedItemProperty().isNull();
        open.disableProperty().bind(none);
        delete.disableProperty().bind(none);
        // A run still marked "running" that is not the one training now was cut off (the app crashed or was
        // killed): it resumes from its checkpoints like a stopped one.
        resume.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            RunEntry e = list.getSelectionModel().getSelectedItem();
            return e == null || e.status() == RunStatus.FINISHED || isTrainingNow(e);
        }, list.getSelectionModel().selectedItemProperty(), service.currentProperty()));
        open.setOnAction(e -> openSelected());
        resume.setOnAction(e -> resumeSelected());
        delete.setOnAction(e -> deleteSelected());
        exportMetrics.setId("history-export-metrics");
        exportMetrics.disableProperty().bind(none);
        exportMetrics.setOnAction(e -> exportMetricsOfSelected());
        refresh.setOnAction(e -> refresh());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        HBox buttons = new HBox(6, open, resume, delete, exportMetrics, refresh);
        VBox left = new VBox(6, new Label("Runs in " + service.settings().runsDir()), list, buttons, status);
        left.setPadding(new Insets(6));
        VBox.setVgrow(list, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, figures);
        split.setDividerPositions(0.3);
        setCenter(split);
        service.addOnFinished(o -> refresh());
        refresh();
    }

    /** Called after a resume was queued (the shell switches to the dashboard). */
    public void setOnResume(Runnable r) {
        onResume = r == null ? () -> { } : r;
    }

    public void refresh() {
        RunEntry selected = list.getSelectionModel().getSelectedItem();
        try {
            list.getItems().setAll(RunEntry.list(service.settings().runsDir()));
            status.setText(list.getItems().isEmpty() ? "No runs yet." : list.getItems().size() + " runs");
        } catch (IOException e) {
            status.setText("Cannot list " + service.settings().runsDir() + ": " + e.getMessage());
        }
        if (selected != null) {
            list.getItems().stream().filter(x -> x.dir().equals(selected.dir())).findFirst()
                    .ifPresent(x -> list.getSelectionModel().select(x));
        }
    }

    void openSelected() {
        RunEntry e = list.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        try {
            RunRecord r = RunReader.read(e.dir());
            figures.show(org.guidancelab.figures.RunFigureSource.from(r));
            status.setText(e.name() + ": " + e.status().jsonName() + (e.message().isBlank() ? "" : " — " + e.message()));
        } catch (IOException | RuntimeException ex) {
            figures.clear("Cannot open " + e.name() + ": " + ex.getMessage());
            status.setText("Cannot open " + e.name() + ": " + ex.getMessage());
        }
    }

    void resumeSelected() {
        RunEntry e = list.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        service.submit(RunJob.resume(e.dir()));
        status.setText("Resuming " + e.name() + (service.queuedProperty().get() > 0 ? " after the queued runs" : ""));
        onResume.run();
    }

    void deleteSelected() {
        RunEntry e = list.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        if (isTrainingNow(e)) {
            dialogs.showError("Delete run", e.name() + " is training now: stop it first.");
            return;
        }
        if (!dialogs.confirm("Delete run", "Delete " + e.name() + " and everything recorded in it?")) {
            return;
        }
        try {
            deleteTree(e.dir());
            figures.clear("Deleted " + e.name() + ".");
        } catch (IOException ex) {
            dialogs.showError("Delete run", "Could not delete " + e.dir() + ": " + ex.getMessage());
        }
        refresh();
    }

    /** Copies the run's metrics.csv (every recorded step of every arm) where the user chooses. */
    void exportMetricsOfSelected() {
        RunEntry e = list.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        Path source = e.dir().resolve(org.guidancelab.runs.RunFiles.METRICS);
        if (!Files.isRegularFile(source)) {
            dialogs.showError("Export metrics", e.name() + " recorded no metrics.");
            return;
        }
        dialogs.chooseExportFile("Export metrics", e.name() + "_metrics.csv").ifPresent(target -> {
            try {
                Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                status.setText("Metrics of " + e.name() + " written to " + target);
            } catch (IOException ex) {
                dialogs.showError("Export metrics", "Could not write " + target + ": " + ex.getMessage());
            }
        });
    }

    private boolean isTrainingNow(RunEntry e) {
        TrainingTask t = service.currentProperty().get();
        return t != null && t.runDir() != null && e.dir().toAbsolutePath().equals(t.runDir().toAbsolutePath());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public ListView<RunEntry> list() {
        return list;
    }

    public RunFiguresView figures() {
        return figures;
    }
}
