package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.figures.ChartCsv;
import org.guidancelab.figures.Figure;
import org.guidancelab.session.RunFolder;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.SessionOptions;
import org.guidancelab.ui.Truncation;
import org.guidancelab.ui.run.RunSettings;
import org.guidancelab.ui.run.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The runs table on three recorded tiny runs (two finished with different arms, one stopped): it sorts and filters,
 * comparing two runs overlays their arms, and nothing in it is cut short at the default size or at 1280x720.
 */
@ExtendWith(ApplicationExtension.class)
class RunsTableUiTest {
    private static final long TIMEOUT_S = 60;
    private static Path runsDir;
    private static Path alpha;
    private static Path beta;
    private static Path stopped;

    private final FakeRunDialogs dialogs = new FakeRunDialogs();
    private TrainingService service;
    private HistoryView history;
    private Stage stage;

    @BeforeAll
    static void recordRuns() throws Exception {
        runsDir = Files.createDirectories(Files.createTempDirectory("runs-table").resolve("runs")); // its sibling sweeps/ is empty
        alpha = record(TinyExperiments.blobs("alpha", 20, 10, ArmSpec.baseline("baseline"), ArmSpec.guidedUntrained("guided")), -1);
        beta = record(TinyExperiments.blobs("beta", 20, 5, ArmSpec.baseline("plain")), -1);
        stopped = record(TinyExperiments.blobs("gamma", 200, 10, ArmSpec.baseline("baseline")), 30);
    }

    /** Trains a run into the runs folder; stops it after {@code stopAt} task steps unless negative. */
    private static Path record(org.guidancelab.experiment.ExperimentSpec spec, int stopAt) {
        RunSession s = RunSession.fresh(spec, RunFolder.under(runsDir), SessionOptions.defaults().withThreads(1));
        s.addListener(e -> {
            if (stopAt > 0 && e instanceof TrainingEvent.Step st && st.step() == stopAt) {
                s.cancel();
            }
        });
        s.run();
        return s.directory();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        org.guidancelab.ui.builder.Theme.LIGHT.apply(); // the app's stylesheet and font, which the columns must fit
        service = new TrainingService(RunSettings.defaults().withRunsDir(runsDir));
        history = new HistoryView(service, dialogs);
        stage.setScene(new Scene(history, 1260, 780));
        stage.show();
    }

    @AfterEach
    void shutdown() throws Exception {
        WaitForAsyncUtils.asyncFx(service::shutdown).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static void done(Supplier<CompletableFuture<Void>> action) throws Exception {
        WaitForAsyncUtils.asyncFx(action::get).get(TIMEOUT_S, TimeUnit.SECONDS).get(TIMEOUT_S, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(TIMEOUT_S, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> shownTitles() {
        return history.list().getItems().stream().map(RunEntry::title).toList();
    }

    @Test
    void rowsHoldEachRunsArmsAccuraciesAndStepsAndTheTableSortsAndFilters() throws Exception {
        done(history::refresh);
        assertEquals(3, history.list().getItems().size());
        RunEntry a = history.list().getItems().stream().filter(e -> e.dir().equals(alpha)).findFirst().orElseThrow();
        assertEquals(List.of("baseline", "guided"), a.arms());
        assertEquals("20 / 20", a.stepsText());
        assertEquals(RunStatus.FINISHED, a.status());
        double last = org.guidancelab.runs.RunReader.read(alpha).lastTaskRow("guided").get("val/accuracy");
        assertEquals(last, a.accuracy().get("guided").last(), 0.0, "the final accuracy is the last evaluation's");
        assertTrue(a.accuracyText(true).contains("guided  "), a.accuracyText(true));
        RunEntry g = history.list().getItems().stream().filter(e -> e.dir().equals(stopped)).findFirst().orElseThrow();
        assertEquals(RunStatus.STOPPED, g.status());
        assertEquals("30 / 200", g.stepsText());

        // sort by preset, ascending then descending
        TableColumn<RunEntry, ?> preset = column("runs-col-preset");
        fx(() -> {
            history.list().getSortOrder().setAll(preset);
            preset.setSortType(TableColumn.SortType.ASCENDING);
        });
        assertEquals(List.of("alpha", "beta", "gamma"), shownTitles());
        fx(() -> preset.setSortType(TableColumn.SortType.DESCENDING));
        assertEquals(List.of("gamma", "beta", "alpha"), shownTitles());
        // sort by steps reached: the stopped run's 30 above the finished runs' 20
        TableColumn<RunEntry, ?> steps = column("runs-col-steps");
        fx(() -> {
            steps.setSortType(TableColumn.SortType.DESCENDING);
            history.list().getSortOrder().setAll(steps);
        });
        assertEquals("gamma", shownTitles().get(0));

        // filter by text (an arm's name) and by status
        fx(() -> history.runsTable().filterField().setText("GUIDED"));
        assertEquals(List.of("alpha"), shownTitles());
        fx(() -> history.runsTable().filterField().setText(""));
        fx(() -> history.runsTable().statusFilter().setValue(RunStatus.STOPPED.jsonName()));
        assertEquals(List.of("gamma"), shownTitles());
        fx(() -> history.runsTable().statusFilter().setValue(RunsTable.ALL_STATUSES));
        assertEquals(3, shownTitles().size());
    }

    @Test
    void comparingTwoRunsOverlaysTheirArmsAndShowsTheirHeatmapsSideBySide() throws Exception {
        done(history::refresh);
        fx(() -> {
            history.list().getSelectionModel().clearSelection();
            history.list().getItems().stream().filter(e -> e.dir().equals(alpha) || e.dir().equals(beta))
                    .forEach(e -> history.list().getSelectionModel().select(e));
        });
        assertTrue(!history.lookup("#history-compare").isDisabled(), "two runs selected: Compare is on");
        assertTrue(history.lookup("#history-open").isDisabled(), "Open is for one run");
        done(history::compareSelected);
        List<Figure> figures = history.figures().figures();
        Figure loss = figures.stream().filter(f -> f.name().equals("loss")).findFirst().orElseThrow();
        String csv = ChartCsv.csv(loss.chart());
        String a = alpha.getFileName().toString();
        String b = beta.getFileName().toString();
        for (String series : List.of(a + " · baseline", a + " · guided", b + " · plain")) {
            assertEquals(20, csv.lines().filter(l -> l.startsWith("Training," + series + ",")).count(), series + " in\n"
                    + csv.lines().limit(3).toList());
        }
        List<String> heatmaps = figures.stream().map(Figure::name).filter(n -> n.startsWith("cka-")).toList();
        assertEquals(java.util.Set.of("cka-" + a + " · baseline", "cka-" + a + " · guided", "cka-" + b + " · plain"),
                java.util.Set.copyOf(heatmaps));
        assertEquals(3, heatmaps.size());
        // side by side: the heatmaps share one row of the view
        javafx.scene.Node first = byId("figure-cka-" + a + " · baseline");
        javafx.scene.Node third = byId("figure-cka-" + b + " · plain");
        assertEquals(first.getParent(), third.getParent());
        assertTrue(first.getParent() instanceof javafx.scene.layout.FlowPane);

        // the comparison exports as one PNG at twice its size
        Path file = Files.createTempDirectory("compare-export").resolve("compare.png");
        dialogs.exportAnswer = file;
        Path written = WaitForAsyncUtils.asyncFx(history::exportView).get(TIMEOUT_S, TimeUnit.SECONDS).get(TIMEOUT_S, TimeUnit.SECONDS);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(written.toFile());
        double width = WaitForAsyncUtils.asyncFx(() -> history.figures().content().getLayoutBounds().getWidth()).get();
        assertEquals(Math.round(width * ViewExport.SCALE), png.getWidth(), 1.0);
    }

    @Test
    void nothingIsCutShortAtTheAppsDefaultSizeNorAt1280x720() throws Exception {
        done(history::refresh);
        // The headless screen is 1280x800: the app's default window (1440x860) is laid out in a scene off screen.
        for (double[] size : new double[][] {{1440, 860}, {1280, 720}}) {
            List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
                history.list().getSelectionModel().select(0);
                stage.getScene().setRoot(new javafx.scene.layout.Pane());
                Scene offScreen = new Scene(history, size[0], size[1]);
                history.resize(size[0], size[1]);
                history.applyCss();
                history.layout();
                List<String> found = Truncation.under(history);
                offScreen.setRoot(new javafx.scene.layout.Pane());
                stage.getScene().setRoot(history);
                return found;
            }).get(TIMEOUT_S, TimeUnit.SECONDS);
            assertEquals(List.of(), cut, "at " + (int) size[0] + "x" + (int) size[1]);
        }
        // and the check does see a cut: a button narrower than its text
        List<String> narrow = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.Button b = new javafx.scene.control.Button("Resume");
            b.setMaxWidth(30);
            javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(b);
            new Scene(box, 100, 40);
            box.applyCss();
            box.layout();
            return Truncation.under(box);
        }).get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(1, narrow.size(), narrow.toString());
    }

    /** A node by its id (ids holding spaces and dots are no CSS selector). */
    private javafx.scene.Node byId(String id) {
        return history.lookupAll("*").stream().filter(n -> id.equals(n.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    private TableColumn<RunEntry, ?> column(String id) {
        return history.list().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
