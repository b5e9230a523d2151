package org.guidancelab.ui.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.figures.SweepChartData;
import org.guidancelab.figures.SweepCharts;
import org.guidancelab.platform.BackgroundPriority;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.LocalExecutor;
import org.guidancelab.sweep.SessionCellTrainer;
import org.guidancelab.sweep.Setting;
import org.guidancelab.sweep.SettingPath;
import org.guidancelab.sweep.SweepFile;
import org.guidancelab.sweep.SweepJson;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepProgress;
import org.guidancelab.sweep.SweepResult;
import org.guidancelab.ui.dashboard.ChartImageView;

/**
 * The Sweep tab. On the left a sweep is drafted from the open experiment: axes picked from the settings that can vary
 * (each shown with its valid range), values typed as a list or a range, seeds; the cell count and a rough time update
 * as it changes. Run trains it in the background (Pause and Stop let the cells checkpoint; Continue trains what is
 * left into the same folder); Save and Open read and write sweep files. On the right, whatever sweep folder is
 * followed (this one, or one opened while the {@code sweep} command or a cluster fills it) fills a grid of cells and
 * the metric-vs-axis chart, with a paragraph on what to look for.
 */
public final class SweepView extends BorderPane {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Supplier<ExperimentSpec> openExperiment;
    private final Path sweepsDir;
    private final SweepDialogs dialogs;
    private final TextField title = new TextField();
    private final Label base = new Label("No experiment yet: open one in the Builder.");
    private final VBox axes = new VBox(6);
    private final Spinner<Integer> seeds = new Spinner<>(1, 50, 2);
    private final Spinner<Integer> jobs = new Spinner<>(1, Math.max(1, Runtime.getRuntime().availableProcessors()),
            Math.max(1, Math.min(LocalExecutor.defaultJobs(), Runtime.getRuntime().availableProcessors())));
    private final Label planInfo = new Label(" ");
    private final Label message = new Label();
    private final Button run = new Button("Run");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Label state = new Label("No sweep open.");
    /** What the followed folder holds: cells finished and running, the time left. */
    private final Label progress = new Label(" ");
    private final SweepGrid grid = new SweepGrid();
    private final ChartImageView chart = new ChartImageView(placeholder("No finished cell yet"), true);
    private final SweepFollower follower;
    /** Checks drafts off the FX thread (expanding a sweep checks every cell's experiment). */
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> BackgroundPriority.loweredDaemon("sweep-check", r));
    private ExperimentSpec experiment;
    private List<Setting> settable = List.of();
    private long checkGeneration;
    /** The sweep this tab runs (or ran and may continue): its plan and folder; null when only following. */
    private SweepPlan runningPlan;
    private Path runningDir;
    private CancelSignal cancel;
    private Thread runner;
    private boolean forgetAfterEnd;
    private SweepSnapshot shown;

    public SweepView(Supplier<ExperimentSpec> openExperiment, Path sweepsDir, SweepDialogs dialogs, Consumer<Path> openRun) {
        this.openExperiment = openExperiment;
        this.sweepsDir = sweepsDir;
        this.dialogs = dialogs;
        this.follower = new SweepFollower(this::show, p -> state.setText("Cannot follow: " + p));
        setId("sweep-view");
        grid.setOnOpen(p -> {
            if (p != null) {
                openRun.accept(p);
            }
        });
        title.setId("sweep-title");
        title.setPromptText("Sweep title");
        seeds.setId("sweep-seeds");
        jobs.setId("sweep-jobs");
        planInfo.setId("sweep-plan-info");
        message.setId("sweep-message");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #a00000;");
        run.setId("sweep-run");
        pause.setId("sweep-pause");
        stop.setId("sweep-stop");
        state.setId("sweep-state");
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);
        progress.setId("sweep-progress");
        progress.setWrapText(true);
        progress.setMinHeight(Region.USE_PREF_SIZE);
        chart.setId("sweep-chart");
        chart.setMinSize(320, 240);
        chart.setPrefSize(560, 380);
        base.setWrapText(true);

        Button fromOpen = new Button("Start from the open experiment");
        fromOpen.setId("sweep-from-open");
        fromOpen.setOnAction(e -> useOpenExperiment());
        Button addAxis = new Button("Add axis");
        addAxis.setId("sweep-add-axis");
        addAxis.setOnAction(e -> addAxis("", ""));
        Button save = new Button("Save sweep…");
        save.setId("sweep-save");
        save.setOnAction(e -> save());
        Button openFile = new Button("Open sweep file…");
        openFile.setId("sweep-open-file");
        openFile.setOnAction(e -> openFile());
        Button openFolder = new Button("Open sweep folder…");
        openFolder.setId("sweep-open-folder");
        openFolder.setOnAction(e -> dialogs.chooseSweepFolder().ifPresent(this::follow));
        run.setOnAction(e -> runOrContinue());
        pause.setOnAction(e -> halt(false));
        stop.setOnAction(e -> halt(true));
        pause.setDisable(true);
        stop.setDisable(true);
        title.textProperty().addListener((o, a, b) -> check());
        seeds.valueProperty().addListener((o, a, b) -> check());
        jobs.valueProperty().addListener((o, a, b) -> check());

        FlowPane fileButtons = flow(fromOpen, openFile, save, openFolder);
        FlowPane runButtons = flow(run, pause, stop);
        HBox counts = new HBox(8, new Label("Seeds"), seeds, new Label("Jobs"), jobs);
        counts.setAlignment(Pos.CENTER_LEFT);
        Label axesTitle = new Label("Axes: a setting of the experiment and its values (a list, or FROM..TO xCOUNT, "
                + "log for log spacing)");
        axesTitle.setWrapText(true);
        VBox editor = new VBox(8, fileButtons, title, base, axesTitle, axes, addAxis, counts, planInfo, runButtons,
                message);
        editor.setPadding(new Insets(8));
        editor.setMinWidth(0);
        ScrollPane editorScroll = new ScrollPane(editor);
        editorScroll.setFitToWidth(true);

        Label teaching = new Label(SweepTeaching.paragraph());
        teaching.setId("sweep-teaching");
        teaching.setWrapText(true);
        teaching.setMinHeight(Region.USE_PREF_SIZE); // the whole paragraph, never "A curve ..."
        teaching.setStyle("-fx-background-color: #f3f6fb; -fx-padding: 8; -fx-border-color: #c9d6ea;");
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToWidth(true);
        gridScroll.setPrefViewportHeight(200);
        VBox results = new VBox(8, state, progress, gridScroll, chart, teaching);
        VBox.setVgrow(chart, Priority.ALWAYS);
        results.setPadding(new Insets(8));
        // Scrolls rather than squeezing the paragraph or the chart at a small window.
        ScrollPane resultsScroll = new ScrollPane(results);
        resultsScroll.setFitToWidth(true);
        resultsScroll.setFitToHeight(true);
        SplitPane split = new SplitPane(editorScroll, resultsScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        setCenter(split);
    }

    private static FlowPane flow(Button... buttons) {
        FlowPane f = new FlowPane(6, 6, buttons);
        for (Button b : buttons) {
            b.setMinWidth(Region.USE_PREF_SIZE); // wrap to the next line rather than shorten to "Ope..."
        }
        return f;
    }

    // ---- the draft ------------------------------------------------------------------------------------------------

    /** Takes the experiment open in the Builder as the sweep's base; the axes keep what still applies to it. */
    public void useOpenExperiment() {
        ExperimentSpec spec = openExperiment.get();
        if (spec == null) {
            message.setText("Open or build an experiment in the Builder first.");
            return;
        }
        setBase(spec);
    }

    private void setBase(ExperimentSpec spec) {
        experiment = spec;
        settable = SettingPath.settable(spec);
        base.setText("Base experiment: " + spec.title() + " (" + spec.arms().size() + " arms, "
                + spec.training().steps() + " steps)");
        for (javafx.scene.Node n : axes.getChildren()) {
            ((AxisRow) n).setChoices(settable);
        }
        check();
    }

    /** Adds an axis row, its setting chosen by {@code path} when the experiment has it. */
    public void addAxis(String path, String values) {
        AxisRow row = new AxisRow(settable);
        row.picker.getSelectionModel().select(settable.stream().filter(s -> s.path().equals(path)).findFirst().orElse(null));
        row.values.setText(values);
        axes.getChildren().add(row);
        check();
    }

    private SweepDraft draft() {
        List<SweepDraft.AxisDraft> list = new ArrayList<>();
        for (javafx.scene.Node n : axes.getChildren()) {
            AxisRow r = (AxisRow) n;
            Setting s = r.picker.getValue();
            list.add(new SweepDraft.AxisDraft(s == null ? "" : s.path(), r.values.getText()));
        }
        return new SweepDraft(experiment, title.getText(), list, seeds.getValue());
    }

    /** Expands the draft in the background and shows its cell count and time, or what is wrong with it. */
    private void check() {
        if (experiment == null) {
            planInfo.setText(" ");
            return;
        }
        long g = ++checkGeneration;
        SweepDraft d = draft();
        int j = jobs.getValue();
        checks.execute(() -> {
            String info;
            String problem;
            try {
                SweepPlan plan = d.plan();
                info = plan.cells().size() + " cells (" + shape(plan) + "), about "
                        + duration(SweepDraft.estimateSeconds(plan, j)) + " on " + j + (j == 1 ? " job" : " jobs");
                problem = "";
            } catch (SweepDraft.DraftProblem e) {
                boolean hint = SweepDraft.NO_AXIS.equals(e.getMessage());
                info = hint ? e.getMessage() : " ";
                problem = hint ? "" : e.getMessage();
            } catch (RuntimeException e) {
                info = " ";
                problem = "This sweep cannot be planned: " + e.getMessage();
            }
            String i = info;
            String p = problem;
            Platform.runLater(() -> {
                if (g == checkGeneration) {
                    planInfo.setText(i);
                    message.setText(p);
                }
            });
        });
    }

    private static String shape(SweepPlan plan) {
        StringBuilder s = new StringBuilder();
        plan.axes().forEach(a -> s.append(a.values().size()).append(' ').append(a.name()).append(" × "));
        return s.append(plan.seeds().size()).append(plan.seeds().size() == 1 ? " seed" : " seeds").toString();
    }

    static String duration(double seconds) {
        long s = Math.max(1, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%d min", Math.round(s / 60.0)) : s + " s";
    }

    private void save() {
        if (experiment == null) {
            message.setText("Start from an experiment before saving a sweep.");
            return;
        }
        try {
            String json = draft().json();
            dialogs.chooseSaveFile(slug(draft().title()) + ".json").ifPresent(f -> {
                try {
                    Files.writeString(f, json);
                    state.setText("Sweep saved to " + f);
                } catch (IOException e) {
                    dialogs.showError("Save sweep", "Could not write " + f + ": " + e.getMessage());
                }
            });
        } catch (SweepDraft.DraftProblem e) {
            message.setText(e.getMessage());
        }
    }

    private void openFile() {
        dialogs.chooseSweepFile().ifPresent(this::openFile);
    }

    /** Reads a sweep file into the editor: its base experiment, axes and seeds. */
    public void openFile(Path f) {
        try {
            SweepFile file = SweepJson.read(f);
            ExperimentSpec spec = switch (file.base().kind()) {
                case INLINE -> file.base().inline();
                case PRESET -> PresetCatalog.experiment(PresetCatalog.load().find(file.base().ref().endsWith(".json")
                        ? file.base().ref() : file.base().ref() + ".json"));
                case FILE -> ExperimentJson.read(f.toAbsolutePath().getParent().resolve(file.base().ref()));
            };
            if (!file.base().arms().isEmpty()) {
                spec = spec.withArms(spec.arms().stream().filter(a -> file.base().arms().contains(a.name())).toList());
            }
            axes.getChildren().clear();
            title.setText(file.title());
            seeds.getValueFactory().setValue(Math.max(1, file.seeds().size()));
            setBase(spec);
            for (SweepFile.AxisDecl a : file.axes()) {
                addAxis(a.path(), a.range() != null ? rangeText(a.range())
                        : String.join(", ", a.values().stream().map(v -> v.isTextual() ? v.asText() : v.toString()).toList()));
            }
            message.setText("");
        } catch (IOException | RuntimeException | org.guidancelab.experiment.SpecFormatException e) {
            message.setText("Cannot open " + f + ": " + e.getMessage());
        }
    }

    private static String rangeText(SweepFile.Range r) {
        return num(r.from()) + ".." + num(r.to()) + " x"
                + r.count() + (r.log() ? " log" : "");
    }

    /** A number as typed: 300, not 300.0. */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- running ---------------------------------------------------------------------------------------------------

    private void runOrContinue() {
        if (runner != null) {
            return;
        }
        if (runningPlan != null) {
            start(runningPlan, runningDir);
            return;
        }
        if (experiment == null) {
            message.setText("Start from an experiment first.");
            return;
        }
        SweepDraft d = draft();
        run.setDisable(true);
        checks.execute(() -> {
            try {
                SweepPlan plan = d.plan();
                Path dir = sweepsDir.resolve(LocalDateTime.now().format(STAMP) + "-" + slug(d.title()));
                Platform.runLater(() -> start(plan, dir));
            } catch (SweepDraft.DraftProblem | RuntimeException e) {
                Platform.runLater(() -> {
                    message.setText(e.getMessage());
                    run.setDisable(false);
                });
            }
        });
    }

    /** Trains the plan's unfinished cells into {@code dir} on a lowered background thread, following the folder. */
    private void start(SweepPlan plan, Path dir) {
        runningPlan = plan;
        runningDir = dir;
        cancel = new CancelSignal();
        forgetAfterEnd = false;
        CancelSignal signal = cancel;
        int j = jobs.getValue();
        message.setText("");
        state.setText("Running " + plan.cells().size() + " cells in " + dir);
        run.setDisable(true);
        pause.setDisable(false);
        stop.setDisable(false);
        runner = BackgroundPriority.loweredDaemon("sweep-runner", () -> {
            String end;
            try {
                SweepResult r = new org.guidancelab.sweep.SweepRunner(plan, dir, new LocalExecutor(j),
                        SessionCellTrainer.forJobs(j)).run(null, signal, new SweepProgress() { });
                end = (r.cancelled() ? "Paused" : "Finished") + ": " + r.counts().finished() + " of " + r.counts().cells()
                        + " cells finished" + (r.failed() > 0 ? ", " + r.failed() + " failed" : "") + " (" + dir + ")";
            } catch (IOException | RuntimeException e) {
                end = "The sweep stopped: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                end = "The sweep was interrupted";
            }
            String text = end;
            Platform.runLater(() -> ended(text));
        });
        follower.follow(dir);
        runner.start();
    }

    private void ended(String text) {
        runner = null;
        cancel = null;
        if (forgetAfterEnd) {
            runningPlan = null;
            runningDir = null;
            text = text.replaceFirst("^Paused", "Stopped");
        }
        state.setText(text);
        run.setText(runningPlan != null && !text.startsWith("Finished") ? "Continue" : "Run");
        if (text.startsWith("Finished")) {
            runningPlan = null;
            runningDir = null;
        }
        run.setDisable(false);
        pause.setDisable(true);
        stop.setDisable(true);
        follower.refresh();
    }

    /** Pause: the cells checkpoint and Continue trains the rest; Stop: the same, and the draft is free again. */
    private void halt(boolean forget) {
        if (cancel != null) {
            forgetAfterEnd = forget;
            cancel.cancel();
            state.setText(forget ? "Stopping… (each running cell checkpoints)" : "Pausing… (each running cell checkpoints)");
            pause.setDisable(true);
            stop.setDisable(true);
        }
    }

    // ---- following ---------------------------------------------------------------------------------------------

    /** Shows the sweep in {@code dir} and follows it while something (here or elsewhere) fills it. */
    public void follow(Path dir) {
        state.setText("Following " + dir);
        follower.follow(dir);
    }

    private void show(SweepSnapshot s) {
        shown = s;
        grid.show(s);
        long running = s.status().cells().values().stream().filter(c -> c.status() == org.guidancelab.sweep.CellStatus.RUNNING).count();
        String eta = Double.isFinite(s.status().etaSeconds()) && s.status().etaSeconds() > 0 && running > 0
                ? ", about " + duration(s.status().etaSeconds()) + " left" : "";
        progress.setText(s.plan().title() + ": " + s.finished() + " of " + s.plan().cells().size() + " cells finished, "
                + running + " running" + eta);
        SweepChartData data = s.chart();
        SweepChartData.AxisInfo axis = data.axes().stream().filter(SweepChartData.AxisInfo::numeric).findFirst().orElse(null);
        if (axis == null || data.points().isEmpty()) {
            chart.setChart(placeholder(axis == null ? "No numeric axis to chart" : "No finished cell yet"));
        } else {
            chart.setChartLater(() -> SweepCharts.metricVsAxis(data, axis.name()), () -> { });
        }
    }

    /** The snapshot on show, or null. */
    public SweepSnapshot shown() {
        return shown;
    }

    public SweepGrid grid() {
        return grid;
    }

    public ChartImageView chart() {
        return chart;
    }

    public Label planInfo() {
        return planInfo;
    }

    public Label message() {
        return message;
    }

    public Label state() {
        return state;
    }

    public Label progress() {
        return progress;
    }

    /** The axis editor rows. */
    public List<AxisRow> axisRows() {
        return axes.getChildren().stream().map(n -> (AxisRow) n).toList();
    }

    /** Whether a sweep is training in this tab. */
    public boolean isRunning() {
        return runner != null;
    }

    /** Stops following and training (the window is closing); the running cells checkpoint. */
    public void shutdown() {
        if (cancel != null) {
            cancel.cancel();
        }
        follower.shutdown();
        checks.shutdownNow();
    }

    private static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "sweep" : slug;
    }

    private static org.jfree.chart.JFreeChart placeholder(String text) {
        org.jfree.chart.JFreeChart c = new org.jfree.chart.JFreeChart(text, org.jfree.chart.JFreeChart.DEFAULT_TITLE_FONT,
                new org.jfree.chart.plot.XYPlot(), false);
        c.setBackgroundPaint(java.awt.Color.WHITE);
        return c;
    }

    /** One axis: the setting (picked from those the experiment can vary), its values, its valid range, remove. */
    public final class AxisRow extends HBox {
        final ComboBox<Setting> picker = new ComboBox<>();
        final TextField values = new TextField();
        final Label expects = new Label();

        AxisRow(List<Setting> choices) {
            super(6);
            setAlignment(Pos.CENTER_LEFT);
            picker.getStyleClass().add("sweep-axis-setting");
            values.getStyleClass().add("sweep-axis-values");
            values.setPromptText("0, 25, 50  or  0..300 x7");
            picker.setPrefWidth(230);
            picker.setCellFactory(l -> new SettingCell());
            picker.setButtonCell(new SettingCell());
            setChoices(choices);
            picker.valueProperty().addListener((o, a, b) -> {
                expects.setText(b == null ? "" : b.expects() + (b.current() == null ? "" : "; now " + b.current()));
                check();
            });
            values.textProperty().addListener((o, a, b) -> check());
            expects.setWrapText(true);
            expects.setMinWidth(0);
            Button remove = new Button("Remove");
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setOnAction(e -> {
                axes.getChildren().remove(this);
                check();
            });
            HBox.setHgrow(values, Priority.ALWAYS);
            VBox right = new VBox(2, values, expects);
            HBox.setHgrow(right, Priority.ALWAYS);
            getChildren().addAll(picker, right, remove);
        }

        void setChoices(List<Setting> choices) {
            Setting was = picker.getValue();
            picker.getItems().setAll(choices);
            if (was != null) {
                picker.getSelectionModel().select(choices.stream().filter(s -> s.path().equals(was.path())).findFirst().orElse(null));
            }
        }

        public ComboBox<Setting> picker() {
            return picker;
        }

        public TextField values() {
            return values;
        }
    }

    /** A setting in the picker: its path (the tooltip says what it is). */
    private static final class SettingCell extends ListCell<Setting> {
        @Override
        protected void updateItem(Setting s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : s.path());
            setTooltip(empty || s == null ? null : new javafx.scene.control.Tooltip(s.description() + " (" + s.expects() + ")"));
        }
    }
}
