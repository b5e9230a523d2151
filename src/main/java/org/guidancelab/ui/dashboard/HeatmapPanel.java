package org.guidancelab.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.guidancelab.figures.CkaHeatmap;
import org.guidancelab.figures.HeatmapCharts;
import org.guidancelab.figures.HeatmapOptions;
import org.jfree.chart.JFreeChart;

/**
 * The target x guide CKA heatmap of the arm chosen in its selector, growing by one matrix per evaluation. A slider scrubs back through the
 * evaluations (it follows the newest while left at the end), "Before / after" shows the first evaluation beside the
 * chosen one, and hovering a cell names its two layers and its value. The chart is rebuilt at most once per frame
 * ({@link #refresh()}), however many matrices arrived, and both built and drawn off the FX thread
 * ({@link ChartImageView#setChartLater}): in software rendering either would cost the FX thread a frame or more.
 */
public final class HeatmapPanel extends VBox {
    private final Map<String, List<CkaHeatmap>> history = new LinkedHashMap<>();
    private final ComboBox<String> arm = new ComboBox<>();
    private final Slider slider = new Slider(0, 0, 0);
    private final CheckBox beforeAfter = new CheckBox("Before / after");
    private final Label stepLabel = new Label("No evaluation yet");
    private final Label hover = new Label(" ");
    private final ChartImageView viewer = new ChartImageView(placeholder(), true);
    private boolean dirty;
    private boolean following = true;
    /** Set while refresh() moves the slider itself, so that move is not taken for the user scrubbing. */
    private boolean adjusting;
    private CkaHeatmap shown;
    private CkaHeatmap shownBefore;
    private String runName = "run";

    public HeatmapPanel(RunDialogs dialogs) {
        setSpacing(4);
        setPadding(new Insets(4));
        arm.setId("heatmap-arm");
        slider.setId("heatmap-slider");
        beforeAfter.setId("heatmap-before-after");
        hover.setId("heatmap-hover");
        stepLabel.setId("heatmap-step");
        viewer.setId("heatmap-chart");
        viewer.setMinSize(260, 240);
        viewer.setPrefSize(420, 360);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        HBox.setHgrow(slider, Priority.ALWAYS);
        arm.valueProperty().addListener((o, a, b) -> {
            following = true;
            dirty = true;
            refresh();
        });
        slider.valueProperty().addListener((o, a, b) -> {
            if (adjusting) {
                return;
            }
            following = Math.round(b.doubleValue()) >= (long) slider.getMax();
            dirty = true;
            refresh();
        });
        beforeAfter.selectedProperty().addListener((o, a, b) -> {
            dirty = true;
            refresh();
        });
        viewer.setOnMouseMoved(e -> hover.setText(describeAt(e.getX(), e.getY())));
        viewer.setOnMouseExited(e -> hover.setText(" "));
        ChartExport.install(viewer, () -> runName + "_cka-" + (arm.getValue() == null ? "" : arm.getValue())
                + (shown == null ? "" : "_step" + shown.step()), dialogs);
        Label title = new Label("CKA heatmap, target × guide");
        title.getStyleClass().add("dashboard-section");
        getChildren().addAll(title, new HBox(6, new Label("Arm"), arm, beforeAfter),
                new HBox(6, slider, stepLabel), viewer, hover);
    }

    /** Clears the history for a new run. */
    public void reset(List<String> arms, String name) {
        runName = name;
        history.clear();
        arms.forEach(a -> history.put(a, new ArrayList<>()));
        shown = null;
        shownBefore = null;
        viewer.setChart(placeholder());
        arm.getItems().setAll(arms);
        following = true;
        if (!arms.isEmpty()) {
            arm.setValue(arms.get(0));
        }
        stepLabel.setText("No evaluation yet");
        dirty = true;
    }

    /** A new matrix of {@code armName}; shown at the next {@link #refresh()}. */
    public void add(String armName, CkaHeatmap h) {
        history.computeIfAbsent(armName, k -> new ArrayList<>()).add(h);
        if (!arm.getItems().contains(armName)) {
            arm.getItems().add(armName);
        }
        if (arm.getValue() == null) {
            arm.setValue(armName);
        }
        // The panel stays on the arm chosen in its selector: arms taking turns report evaluations in turn, and
        // following each would flip the view at every evaluation. Only the chosen arm's news needs a redraw.
        if (armName.equals(arm.getValue())) {
            dirty = true;
        }
    }

    /** Redraws if something changed since the last call (once per frame). */
    public void refresh() {
        if (!dirty) {
            return;
        }
        dirty = false;
        List<CkaHeatmap> maps = arm.getValue() == null ? List.of() : history.getOrDefault(arm.getValue(), List.of());
        if (maps.isEmpty()) {
            viewer.setChart(placeholder());
            shown = null;
            stepLabel.setText("No evaluation yet");
            return;
        }
        int last = maps.size() - 1;
        int index = following ? last : (int) Math.min(last, Math.round(slider.getValue()));
        adjusting = true;
        try {
            slider.setMax(last);
            slider.setValue(index);
        } finally {
            adjusting = false;
        }
        CkaHeatmap h = maps.get(index);
        CkaHeatmap first = maps.get(0);
        boolean pair = beforeAfter.isSelected() && index > 0 && first.rowTaps().equals(h.rowTaps())
                && first.colTaps().equals(h.colTaps());
        // built on the chart renderer (milliseconds of JFreeChart set-up per evaluation); what hover describes
        // changes with the chart itself, so cell and chart always match
        viewer.setChartLater(() -> pair
                ? HeatmapCharts.beforeAfter(first, h, HeatmapOptions.defaults())
                : HeatmapCharts.heatmap(h, HeatmapOptions.defaults()), () -> {
                    shown = h;
                    shownBefore = pair ? first : null;
                });
        stepLabel.setText("step " + h.step() + "  (evaluation " + (index + 1) + " of " + maps.size() + ")");
    }

    /** What the viewer shows before the first evaluation (the view takes no null chart). */
    private static JFreeChart placeholder() {
        JFreeChart c = new JFreeChart("No evaluation yet", JFreeChart.DEFAULT_TITLE_FONT,
                new org.jfree.chart.plot.XYPlot(), false);
        c.setBackgroundPaint(java.awt.Color.WHITE);
        return c;
    }

    String describeAt(double x, double y) {
        if (shown == null || viewer.renderedChart() != viewer.getChart()) {
            return " "; // the new chart's image is not on screen yet (a few milliseconds)
        }
        // The layout of the image on screen: the chart it was drawn from, with that drawing's plot areas.
        HeatmapHover.Cell cell = HeatmapHover.cellAt(viewer.renderedChart(), viewer.getRenderingInfo(), x, y,
                shown.rows(), shown.cols());
        if (cell == null) {
            return " ";
        }
        CkaHeatmap h = cell.panel() == 0 && shownBefore != null ? shownBefore : shown;
        return HeatmapHover.describe(h, cell.row(), cell.col());
    }

    /** The matrices recorded for an arm, oldest first. */
    public List<CkaHeatmap> history(String armName) {
        return List.copyOf(history.getOrDefault(armName, List.of()));
    }

    /** The matrix on screen (the right one in the before/after view), or null. */
    public CkaHeatmap shown() {
        return shown;
    }

    public ChartImageView viewer() {
        return viewer;
    }

    public Slider slider() {
        return slider;
    }

    public ComboBox<String> armChooser() {
        return arm;
    }

    public CheckBox beforeAfterToggle() {
        return beforeAfter;
    }
}
