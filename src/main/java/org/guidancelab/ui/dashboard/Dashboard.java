package org.guidancelab.ui.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.session.LiveFeed;
import org.guidancelab.ui.run.ActiveRun;
import org.guidancelab.ui.run.RunOutcome;
import org.guidancelab.ui.run.TrainingService;

/**
 * The live view of the run in progress: controls and progress on top, a banner for failures, the curves of all arms
 * in the centre, the CKA heatmap and the arms' explanation on the right. An AnimationTimer drains the run's live feed
 * once per frame and hands each view its share in one batch, so the training thread never waits for the FX thread
 * and no chart redraws more than once a frame.
 */
public final class Dashboard extends BorderPane {
    private final TrainingService service;
    private final RunDialogs dialogs;
    private final RunControls controls;
    private final Button exportView = new Button("Export view…");
    /** Encodes exported views; one at a time, off the FX thread. */
    private final java.util.concurrent.ExecutorService exports = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-export");
        t.setDaemon(true);
        return t;
    });
    private String runName = "dashboard";
    private final LiveCurves curves;
    private final HeatmapPanel heatmap;
    private final ExplanationPanel explanation = new ExplanationPanel();
    private final Label banner = new Label();
    private final HBox bannerBox;
    private final List<String> problems = new ArrayList<>();
    private final AnimationTimer frames;
    /** The progress line and bar: ten updates a second read as live and leave most frames unchanged (see Every). */
    private final Every progressUpdates = new Every(PROGRESS_INTERVAL_NANOS);
    static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    private boolean shownPaused;
    private ActiveRun active;
    /** Whether the views are set up for the active run (a resume's experiment is known once its folder is read). */
    private boolean begun;
    private List<TapPair> pairs = List.of();

    public Dashboard(TrainingService service, RunDialogs dialogs) {
        this.service = service;
        this.dialogs = dialogs;
        this.controls = new RunControls(service);
        this.curves = new LiveCurves(dialogs);
        this.heatmap = new HeatmapPanel(dialogs);
        setId("dashboard");
        banner.setId("run-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(banner, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> clearBanner());
        bannerBox = new HBox(8, banner, dismiss);
        bannerBox.setPadding(new Insets(6, 10, 6, 10));
        bannerBox.setStyle("-fx-background-color: #fde2e1; -fx-border-color: #e8000b; -fx-border-width: 0 0 0 4;");
        banner.setStyle("-fx-text-fill: #5c0000;");
        bannerBox.setVisible(false);
        bannerBox.setManaged(false);
        exportView.setId("dashboard-export");
        exportView.setMinWidth(Region.USE_PREF_SIZE);
        exportView.setTooltip(new javafx.scene.control.Tooltip("The whole dashboard as one PNG at twice its size on screen"));
        exportView.setOnAction(e -> exportView());
        HBox.setHgrow(controls, Priority.ALWAYS);
        HBox top = new HBox(controls, exportView);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 6, 0, 0));
        setTop(new VBox(top, bannerBox));
        VBox side = new VBox(8, heatmap, explanation);
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        ScrollPane sideScroll = Viewports.uncached(new ScrollPane(side));
        sideScroll.setFitToWidth(true);
        sideScroll.setFitToHeight(true);
        SplitPane split = new SplitPane(curves, sideScroll);
        split.setDividerPositions(0.66);
        setCenter(split);
        service.addOnFinished(this::ended);
        // Follow the current run as soon as it changes (not at the next frame), so a run that fails at once is
        // still shown.
        service.currentProperty().addListener((o, old, run) -> {
            if (run != null) {
                if (active != null) {
                    apply(active.feed().drain());
                    curves.drawAll();
                }
                active = run;
                started(run);
            }
        });
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        frames.start();
        ChartWarmup.startOnce();
    }

    /** One frame: drain what arrived, update views, redraw at most one chart (in turn). */
    void frame(long nowNanos) {
        if (active == null) {
            return;
        }
        apply(active.feed().drain());
        curves.drawNext(nowNanos);
        boolean paused = service.pausedProperty().get();
        if (paused != shownPaused) {
            progressUpdates.reset(); // Pause and Resume show at once
            shownPaused = paused;
        }
        if (service.currentProperty().get() == active && progressUpdates.due(nowNanos)) {
            controls.show(active.job().label(), active.feed().progress(), paused);
        }
    }

    private void started(ActiveRun run) {
        clearBanner();
        progressUpdates.reset(); // a new run shows its first progress at once
        begun = false;
        ExperimentSpec spec = run.experiment();
        if (spec != null) {
            begin(spec, run.job().label());
        } else {
            explanation.show(null);
        }
    }

    private void begin(ExperimentSpec spec, String name) {
        begun = true;
        runName = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        List<String> arms = spec.arms().stream().map(a -> a.name()).toList();
        pairs = spec.resolvedPairs();
        curves.reset(arms, spec.arms().stream().filter(a -> a.usesGuidance()).map(a -> a.name())
                .collect(java.util.stream.Collectors.toSet()),
                pairs.stream().map(p -> p.targetTap() + "–" + p.guideTap()).toList(), name);
        heatmap.reset(arms, name);
        explanation.show(spec);
    }

    private void apply(LiveFeed.Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (!begun && active != null && active.experiment() != null
                && batch.notices().stream().anyMatch(e -> e instanceof TrainingEvent.RunStarted)) {
            begin(active.experiment(), active.job().label()); // a resume's experiment, read from its folder
        }
        curves.accept(batch.steps());
        for (TrainingEvent e : batch.notices()) {
            notice(e);
        }
        heatmap.refresh();
    }

    private void notice(TrainingEvent e) {
        if (e instanceof TrainingEvent.CkaMatrices c && c.targetGuide() != null) {
            heatmap.add(c.arm(), Heatmaps.targetGuide(c.targetGuide(), pairs, c.step()));
        } else if (e instanceof TrainingEvent.ArmFailed f) {
            problem("Arm '" + f.arm() + "' failed at step " + f.step() + ": " + f.message());
        } else if (e instanceof TrainingEvent.RunFinished r && r.status() == RunStatus.FAILED && !r.message().isBlank()
                && problems.stream().noneMatch(p -> p.contains(r.message()))) {
            problem("Run failed: " + r.message());
        }
    }

    private void ended(RunOutcome o) {
        // Show the run's last events before its verdict (the next frame may come after this).
        if (active != null) {
            apply(active.feed().drain());
        }
        curves.drawAll();
        String where = o.dir() == null ? "" : " — saved in " + o.dir();
        switch (o.status()) {
            case FINISHED -> controls.idle("Finished: " + o.job().label() + where);
            case STOPPED -> controls.idle("Stopped: " + o.job().label() + " (resume it from History)" + where);
            default -> {
                controls.idle("Failed: " + o.job().label() + where);
                if (problems.isEmpty()) {
                    problem("Run failed: " + o.message());
                }
            }
        }
    }

    private void problem(String text) {
        problems.add(text);
        banner.setText(String.join("\n", problems));
        bannerBox.setVisible(true);
        bannerBox.setManaged(true);
    }

    private void clearBanner() {
        problems.clear();
        banner.setText("");
        bannerBox.setVisible(false);
        bannerBox.setManaged(false);
    }

    /**
     * Asks where, then writes the whole dashboard (controls, curves, heatmap, explanation) as one PNG at twice its
     * size; the future ends once the file is written (empty when the user cancelled), a failure is shown, not thrown.
     */
    public java.util.concurrent.CompletableFuture<Path> exportView() {
        java.util.Optional<Path> file = dialogs.chooseExportFile("Export dashboard", runName + "_dashboard.png");
        if (file.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return ViewExport.png(this, file.get(), exports).whenCompleteAsync((written, ex) -> {
            if (ex != null) {
                Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                dialogs.showError("Export dashboard", cause.getMessage());
            }
        }, javafx.application.Platform::runLater);
    }

    /** Stops the frame timer (the window is closing). */
    public void dispose() {
        frames.stop();
    }

    public LiveCurves curves() {
        return curves;
    }

    public HeatmapPanel heatmap() {
        return heatmap;
    }

    public RunControls controls() {
        return controls;
    }

    /** The failure text shown, "" when none. */
    public String bannerText() {
        return banner.getText();
    }
}
