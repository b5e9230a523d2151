package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.figures.RunFigureSource;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.ui.run.ActiveRun;
import org.guidancelab.ui.run.RunJob;
import org.guidancelab.ui.run.TrainingService;

/**
 * Past runs from the run store: open one to see all its figures, resume a stopped (or failed) one, delete one.
 * The list refreshes itself whenever a run ends.
 *
 * <p>Listing the run store, reading a run's metrics (a long run's metrics.csv holds hundreds of thousands of rows)
 * and deleting a folder go to one background thread; only their results are applied on the FX thread, so the
 * window never stalls on the disk. Each returns a future that completes once its result is on screen.
 */
public final class HistoryView extends BorderPane {
    private final TrainingService service;
    private final RunDialogs dialogs;
    private final RunsTable runs = new RunsTable();
    private final TableView<RunEntry> list = runs.table();
    private final ArmAccuracies accuracies = new ArmAccuracies();
    private final RunFiguresView figures;
    private final Label status = new Label();
    private final Button open = new Button("Open");
    private final Button compare = new Button("Compare");
    private final Button resume = new Button("Resume");
    private final Button delete = new Button("Delete…");
    private final Button refresh = new Button("Refresh");
    private final Button exportMetrics = new Button("Export metrics…");
    private final Button exportView = new Button("Export view…");
    private Runnable onResume = () -> { };
    private java.util.function.Consumer<Path> onOpenSweep = d -> { };
    private final Button openSweep = new Button("Open sweep…");
    /** Disk work, one job at a time so a refresh after a delete sees the folder gone. */
    private final ExecutorService disk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "run-history");
        t.setDaemon(true);
        return t;
    });
    /** Re-reads a sweep cell opened while it trains, every second, until it ends or another run is shown. */
    private final RunFollower follower = new RunFollower(accuracies, 1000);
    /** Only the newest refresh is applied, so a slow listing never overwrites a newer one. */
    private long refreshGeneration;

    public HistoryView(TrainingService service, RunDialogs dialogs) {
        this.service = service;
        this.dialogs = dialogs;
        this.figures = new RunFiguresView(dialogs);
        setId("history");
        open.setId("history-open");
        compare.setId("history-compare");
        resume.setId("history-resume");
        delete.setId("history-delete");
        status.setId("history-status");
        status.setWrapText(true);
        var selection = list.getSelectionModel().getSelectedItems();
        var notOne = javafx.beans.binding.Bindings.size(selection).isNotEqualTo(1);
        open.disableProperty().bind(notOne);
        // A sweep row opens in the Sweep tab; deleting or exporting runs does not apply to it.
        var notOneRun = javafx.beans.binding.Bindings.createBooleanBinding(() -> selection.size() != 1
                || selection.get(0) == null || selection.get(0).sweep(), selection);
        delete.disableProperty().bind(notOneRun);
        compare.disableProperty().bind(javafx.beans.binding.Bindings.size(selection).lessThan(2));
        compare.setTooltip(new javafx.scene.control.Tooltip("Overlay the curves of the selected runs' arms and show their heatmaps side by side"));
        // A run still marked "running" that is not the one training now was cut off (the app crashed or was
        // killed): it resumes from its checkpoints like a stopped one.
        resume.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            RunEntry e = list.getSelectionModel().getSelectedItem();
            return selection.size() != 1 || e == null || e.sweep() || e.status() == RunStatus.FINISHED || isTrainingNow(e);
        }, selection, service.currentProperty()));
        open.setOnAction(e -> openSelected());
        compare.setOnAction(e -> compareSelected());
        resume.setOnAction(e -> resumeSelected());
        delete.setOnAction(e -> deleteSelected());
        exportMetrics.setId("history-export-metrics");
        exportMetrics.disableProperty().bind(notOneRun);
        exportMetrics.setOnAction(e -> exportMetricsOfSelected());
        refresh.setOnAction(e -> refresh());
        exportView.setId("history-export-view");
        exportView.setTooltip(new javafx.scene.control.Tooltip("The figures shown (a run or a comparison) as one PNG at twice their size"));
        exportView.disableProperty().bind(figures.emptyProperty());
        exportView.setOnAction(e -> exportView());
        openSweep.setId("history-open-sweep");
        openSweep.setTooltip(new javafx.scene.control.Tooltip("Reopen a past sweep (or follow one running) in the Sweep tab"));
        openSweep.setOnAction(e -> dialogs.chooseFolder("Open sweep folder").ifPresent(d -> onOpenSweep.accept(d)));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        // A flow, not a row: at a narrow window the buttons wrap instead of being cut to "O..." and "Res...".
        FlowPane buttons = new FlowPane(6, 6, open, compare, resume, delete, exportMetrics, exportView, refresh, openSweep);
        buttons.getChildren().forEach(b -> ((Button) b).setMinWidth(Region.USE_PREF_SIZE));
        Label where = new Label("Runs in " + service.settings().runsDir());
        where.setMinWidth(0);
        VBox top = new VBox(6, where, runs, buttons, status);
        top.setPadding(new Insets(6));
        VBox.setVgrow(runs, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, figures);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setCenter(split);
        service.addOnFinished(o -> refresh());
        refresh();
    }

    /** Called with a sweep folder to reopen (the shell shows it in the Sweep tab). */
    public void setOnOpenSweep(java.util.function.Consumer<Path> open) {
        onOpenSweep = open == null ? d -> { } : open;
    }

    /**
     * Opens the run in {@code dir} (a sweep cell's, which the table does not list) and shows its figures, following it
     * while another runner trains it; the future completes once they are on screen.
     */
    public CompletableFuture<Void> open(Path dir) {
        list.getSelectionModel().clearSelection();
        // status.json, experiment.json and metrics.csv are read off the JavaFX thread, like every other read here
        return CompletableFuture.supplyAsync(() -> RunEntry.read(dir, accuracies), disk).thenComposeAsync(e -> {
            CompletableFuture<Void> shown = show(e);
            if (e != null && e.status() == RunStatus.RUNNING && !isTrainingNow(e)) {
                // a sweep cell under way (another thread or process writes it): its figures grow as it trains
                follower.follow(dir, (row, set) -> {
                    figures.show(set);
                    status.setText(row.name() + ": " + row.status().jsonName()
                            + (row.status() == RunStatus.RUNNING ? " (following it as it trains)" : ""));
                });
            }
            return shown;
        }, Platform::runLater);
    }

    /** Whether the figures follow a run as it trains (a sweep cell opened while under way). */
    public boolean following() {
        return follower.following();
    }

    /** Called after a resume was queued (the shell switches to the dashboard). */
    public void setOnResume(Runnable r) {
        onResume = r == null ? () -> { } : r;
    }

    /** Re-reads the run list in the background; the returned future completes once the list shows it. */
    public CompletableFuture<Void> refresh() {
        long generation = ++refreshGeneration;
        Path runsDir = service.settings().runsDir();
        Path sweepsDir = service.settings().sweepsDir();
        return CompletableFuture.supplyAsync(() -> listRuns(runsDir, sweepsDir), disk)
                .thenAcceptAsync(listed -> {
                    if (generation == refreshGeneration) {
                        showList(listed, runsDir);
                    }
                }, Platform::runLater);
    }

    /** The run entries, or the listing's error as a message (never thrown: the history must stay usable). */
    private Object listRuns(Path runsDir, Path sweepsDir) {
        List<RunEntry> all = new java.util.ArrayList<>();
        try {
            all.addAll(RunEntry.list(runsDir, accuracies));
        } catch (IOException | RuntimeException e) {
            return "Cannot list " + runsDir + ": " + e.getMessage();
        }
        try {
            all.addAll(RunEntry.listSweeps(sweepsDir)); // past sweeps reopen from here, in the Sweep tab
        } catch (IOException | RuntimeException e) {
            // the runs still list; the sweeps folder's problem shows when a sweep is opened from the Sweep tab
        }
        return all;
    }

    private void showList(Object listed, Path runsDir) {
        if (listed instanceof String error) {
            status.setText(error);
            return;
        }
        @SuppressWarnings("unchecked")
        List<RunEntry> entries = (List<RunEntry>) listed;
        runs.setAll(entries);
        long sweeps = entries.stream().filter(RunEntry::sweep).count();
        long runCount = entries.size() - sweeps;
        status.setText(entries.isEmpty() ? "No runs yet." : runCount + (runCount == 1 ? " run" : " runs")
                + (sweeps == 0 ? "" : ", " + sweeps + (sweeps == 1 ? " sweep" : " sweeps")));
    }

    /** Reads the selected run and builds its figures in the background, then shows them. */
    CompletableFuture<Void> openSelected() {
        RunEntry e = list.getSelectionModel().getSelectedItem();
        if (e != null && e.sweep()) {
            onOpenSweep.accept(e.dir());
            return CompletableFuture.completedFuture(null);
        }
        return show(e);
    }

    private CompletableFuture<Void> show(RunEntry e) {
        follower.stop();
        if (e == null) {
            return CompletableFuture.completedFuture(null);
        }
        status.setText("Opening " + e.name() + "…");
        return CompletableFuture.supplyAsync(() -> RunFiguresView.build(RunFigureSource.from(readRun(e.dir()))), disk)
                .handleAsync((data, ex) -> {
                    if (ex == null) {
                        figures.show(data);
                        status.setText(e.name() + ": " + e.status().jsonName()
                                + (e.message().isBlank() ? "" : " — " + e.message()));
                    } else {
                        Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
                        figures.clear("Cannot open " + e.name() + ": " + cause.getMessage());
                        status.setText("Cannot open " + e.name() + ": " + cause.getMessage());
                    }
                    return null;
                }, Platform::runLater);
    }

    /**
     * Reads the selected runs in the background and shows them overlaid: every run's arms in one set of curves
     * ("run · arm" in the legend), their last heatmaps side by side.
     */
    CompletableFuture<Void> compareSelected() {
        List<RunEntry> chosen = runs.selected().stream().filter(r -> !r.sweep()).toList();
        if (chosen.size() < 2) {
            return CompletableFuture.completedFuture(null);
        }
        status.setText("Comparing " + chosen.size() + " runs…");
        return CompletableFuture.supplyAsync(() -> {
            List<org.guidancelab.figures.RunFigureData> data = chosen.stream()
                    .map(e -> RunFigureSource.from(readRun(e.dir()))).toList();
            org.guidancelab.figures.RunFigureData merged = org.guidancelab.figures.RunComparison.merge(data);
            return new RunFiguresView.RunFigureSet(merged.runName().replace(' ', '-'),
                    org.guidancelab.figures.RunComparison.figures(merged, org.guidancelab.figures.CurveOptions.defaults(),
                            org.guidancelab.figures.HeatmapOptions.defaults()));
        }, disk).handleAsync((set, ex) -> {
            if (ex == null) {
                figures.show(set);
                status.setText("Comparing " + String.join(", ", chosen.stream().map(RunEntry::name).toList()));
            } else {
                Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
                figures.clear("Cannot compare: " + cause.getMessage());
                status.setText("Cannot compare: " + cause.getMessage());
            }
            return null;
        }, Platform::runLater);
    }

    private static RunRecord readRun(Path dir) {
        try {
            return RunReader.read(dir);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex.getMessage(), ex);
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

    /** Asks, then deletes the selected run's folder in the background and refreshes the list. */
    CompletableFuture<Void> deleteSelected() {
        RunEntry e = list.getSelectionModel().getSelectedItem();
        if (e == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (isTrainingNow(e)) {
            dialogs.showError("Delete run", e.name() + " is training now: stop it first.");
            return CompletableFuture.completedFuture(null);
        }
        if (!dialogs.confirm("Delete run", "Delete " + e.name() + " and everything recorded in it?")) {
            return CompletableFuture.completedFuture(null);
        }
        figures.clear("Deleting " + e.name() + "…");
        return CompletableFuture.supplyAsync(() -> {
            try {
                deleteTree(e.dir());
                return null;
            } catch (IOException ex) {
                return ex;
            }
        }, disk).thenComposeAsync(failure -> {
            if (failure == null) {
                figures.clear("Deleted " + e.name() + ".");
            } else {
                dialogs.showError("Delete run", "Could not delete " + e.dir() + ": " + failure.getMessage());
            }
            return refresh();
        }, Platform::runLater);
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

    /**
     * Asks where, then writes the figures on show (one run's, or a comparison's) as one PNG at twice their size; the
     * future ends once written (null when cancelled); a failure is shown, not thrown.
     */
    CompletableFuture<Path> exportView() {
        if (figures.emptyProperty().get()) {
            return CompletableFuture.completedFuture(null);
        }
        java.util.Optional<Path> file = dialogs.chooseExportFile("Export view", figures.setName() + "_view.png");
        if (file.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return ViewExport.png(figures.content(), file.get(), disk).whenCompleteAsync((written, ex) -> {
            if (ex == null) {
                status.setText("View written to " + written);
            } else {
                dialogs.showError("Export view", (ex.getCause() != null ? ex.getCause() : ex).getMessage());
            }
        }, Platform::runLater);
    }

    private boolean isTrainingNow(RunEntry e) {
        ActiveRun t = service.currentProperty().get();
        return t != null && t.dir() != null && e.dir().toAbsolutePath().equals(t.dir().toAbsolutePath());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The runs table's rows (filtered and sorted as shown). */
    public TableView<RunEntry> list() {
        return list;
    }

    public RunsTable runsTable() {
        return runs;
    }

    public RunFiguresView figures() {
        return figures;
    }
}
