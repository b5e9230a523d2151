package org.guidancelab.ui.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.figures.ArmPalette;
import org.guidancelab.figures.GuidanceMarker;
import org.guidancelab.figures.LiveCurveChart;
import org.jfree.chart.title.TextTitle;

/**
 * The live curves of a run, all arms overlaid: training and validation loss, training and validation accuracy, the
 * guidance loss, and the CKA of each guided pair. Fed once per frame with the steps that arrived since the last one,
 * each chart appends them in one batch and redraws once. A guide disconnected (warmup over, or the user's switch) is
 * marked on every chart at the step it happened.
 */
public final class LiveCurves extends GridPane {
    static final int PIXEL_COLUMNS = 600;
    /** The charts, by the metric they show (the per-pair chart is keyed by {@link #PAIR_CKA}). */
    public static final String PAIR_CKA = "cka/pairs";

    private final RunDialogs dialogs;
    private final Map<String, LiveCurveChart> charts = new LinkedHashMap<>();
    /** The view of each chart, drawing it off the FX thread. */
    private final Map<String, ChartImageView> views = new LinkedHashMap<>();
    /** Points collected but not drawn yet, per chart key then series. */
    private final Map<String, Map<String, Series>> pending = new LinkedHashMap<>();
    private int nextChart;
    /**
     * The shortest time between two redraws of one chart: six charts redrawn at every 60 Hz frame would keep the
     * chart renderer and the render thread's image uploads busy for most of a core, which a 2-core machine that is
     * training on the other cannot spare without late frames. Five redraws a second per chart still reads as live.
     */
    static final long MIN_REDRAW_NANOS = 200_000_000L;
    /** When each chart was last handed its points (System.nanoTime()). */
    private final Map<String, Long> lastDrawn = new HashMap<>();
    private final Map<String, Double> guidanceWasOn = new HashMap<>();
    /** Each arm's last step seen: a disconnection is marked at the last guided step, like a recorded run's. */
    private final Map<String, Integer> lastStep = new HashMap<>();
    private final List<GuidanceMarker> markers = new ArrayList<>();
    private java.util.Set<String> guidedArms = java.util.Set.of();
    private List<String> pairNames = List.of();
    private ArmPalette palette = new ArmPalette();
    private ArmPalette pairPalette = new ArmPalette();
    private String runName = "run";

    public LiveCurves(RunDialogs dialogs) {
        this.dialogs = dialogs;
        setHgap(6);
        setVgap(6);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 3; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / 3);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        reset(List.of(), java.util.Set.of(), runName);
    }

    /**
     * Empties every chart for a new run whose arms (in order) fix the colours; only {@code guided} arms are drawn on
     * the guidance-loss chart (the others would add a flat line at 0).
     */
    public void reset(List<String> arms, java.util.Set<String> guided, String name) {
        reset(arms, guided, List.of(), name);
    }

    /** As above, naming pair i of the per-pair CKA chart by {@code pairs.get(i)} (e.g. "fc1–c1"). */
    public void reset(List<String> arms, java.util.Set<String> guided, List<String> pairs, String name) {
        runName = name;
        pairNames = List.copyOf(pairs);
        guidedArms = java.util.Set.copyOf(guided);
        palette = ArmPalette.of(arms);
        pairPalette = new ArmPalette();
        guidanceWasOn.clear();
        lastStep.clear();
        markers.clear();
        pending.clear();
        nextChart = 0;
        lastDrawn.clear();
        charts.clear();
        views.clear();
        getChildren().clear();
        // The task loss, not the total: guided arms' total includes the guidance term and would not compare.
        add(Metrics.TASK_LOSS, "Training loss (task)", "Loss", palette, 0, 0);
        add(Metrics.VAL_LOSS, "Validation loss", "Loss", palette, 1, 0);
        add(Metrics.TRAIN_ACCURACY, "Training accuracy (batch)", "Accuracy", palette, 0, 1);
        add(Metrics.VAL_ACCURACY, "Validation accuracy", "Accuracy", palette, 1, 1);
        add(Metrics.GUIDANCE_LOSS, "Guidance loss  α·Σ(1 − CKA)", "Guidance loss", palette, 0, 2);
        add(PAIR_CKA, "CKA of each guided pair", "CKA", pairPalette, 1, 2);
    }

    private void add(String key, String title, String yLabel, ArmPalette p, int col, int row) {
        LiveCurveChart chart = new LiveCurveChart(yLabel, p, PIXEL_COLUMNS);
        TextTitle t = new TextTitle(title, new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13));
        chart.chart().setTitle(t);
        charts.put(key, chart);
        ChartImageView viewer = new ChartImageView(chart.chart(), false);
        views.put(key, viewer);
        viewer.setId("chart-" + key.replace('/', '-'));
        viewer.setMinSize(200, 150);
        ChartExport.install(viewer, () -> runName + "_" + key.replace('/', '-'), dialogs);
        add(viewer, col, row);
    }

    /**
     * Collects the steps of one frame; nothing is drawn until {@link #drawNext()} or {@link #drawAll()}. Each chart
     * is drawn off the FX thread ({@link ChartImageView}); the dashboard still hands new points to one chart per
     * frame in turn, so the one renderer thread draws at most one chart per frame (each chart updates ten times a
     * second at 60 frames) and leaves the other core to training.
     */
    public void accept(List<TrainingEvent.Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        Map<String, Map<String, Series>> perChart = pending;
        for (TrainingEvent.Step s : steps) {
            for (Map.Entry<String, Double> m : s.metrics().entrySet()) {
                String key = m.getKey();
                String series = s.arm();
                if (Metrics.isPairCka(key)) {
                    series = pairSeries(s.arm(), String.valueOf(Metrics.pairIndex(key)));
                    key = PAIR_CKA;
                }
                if (key.equals(Metrics.GUIDANCE_LOSS) && !guidedArms.contains(s.arm())) {
                    continue;
                }
                if (charts.containsKey(key)) {
                    perChart.computeIfAbsent(key, k -> new LinkedHashMap<>())
                            .computeIfAbsent(series, k -> new Series()).add(s.step(), m.getValue());
                }
            }
            markGuidanceSwitch(s);
        }
    }

    /**
     * Hands its waiting points to the next chart (in turn) that has some and was not redrawn in the last
     * {@link #MIN_REDRAW_NANOS}: at most one redraw per call, and the FX thread never waits for
     * the renderer.
     */
    public void drawNext(long nowNanos) {
        List<String> keys = new java.util.ArrayList<>(charts.keySet());
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get((nextChart + i) % keys.size());
            Long last = lastDrawn.get(key);
            if (last != null && nowNanos - last < MIN_REDRAW_NANOS) {
                continue;
            }
            if (pending.containsKey(key) && draw(key, false)) {
                lastDrawn.put(key, nowNanos);
                nextChart = (nextChart + i + 1) % keys.size();
                return;
            }
        }
    }

    /** Draws every chart that has points waiting (end of a run, so the final state is complete at once). */
    public void drawAll() {
        for (String key : new java.util.ArrayList<>(pending.keySet())) {
            draw(key, true);
        }
    }

    /**
     * Hands the chart its waiting points. Live ({@code wait} false), the renderer appends them right before it
     * draws: appending and thinning thousands of points is work that grows with the run, kept off the FX thread. At
     * the end of a run ({@code wait} true) they are appended here at once, after whatever the renderer still had.
     */
    private boolean draw(String key, boolean wait) {
        Map<String, Series> bySeries = pending.remove(key);
        LiveCurveChart chart = charts.get(key);
        ChartImageView view = views.get(key);
        if (bySeries == null || chart == null) {
            return false;
        }
        Map<String, double[][]> batch = new LinkedHashMap<>();
        bySeries.forEach((series, pts) -> batch.put(series, pts.toArrays()));
        if (wait) {
            view.withChart(c -> chart.append(batch));
        } else {
            view.changeOnRenderer(() -> chart.append(batch));
        }
        return true;
    }

    private void markGuidanceSwitch(TrainingEvent.Step s) {
        Double on = s.metrics().get(Metrics.GUIDANCE_ON);
        if (on == null || on.isNaN()) {
            return;
        }
        Double before = guidanceWasOn.put(s.arm(), on);
        Integer previousStep = lastStep.put(s.arm(), s.step());
        if (before != null && (before > 0.5) != (on > 0.5)) {
            // off: marked at the step the switch follows (the last guided one); on: at the first guided step again
            GuidanceMarker m = on > 0.5 ? GuidanceMarker.reconnectedAt(s.arm(), s.step())
                    : new GuidanceMarker(s.arm(), previousStep == null ? s.step() : previousStep);
            markers.add(m);
            for (Map.Entry<String, LiveCurveChart> c : charts.entrySet()) {
                if (!c.getKey().equals(PAIR_CKA)) {
                    // rare (once per disconnection): worth waiting for a render in progress
                    views.get(c.getKey()).withChart(chart -> c.getValue().addMarker(m));
                }
            }
        }
    }

    /** "guided · pair 0 (fc1–c1)": the arm, the pair's index (as in the run's metrics) and its two layers. */
    public String pairSeries(String arm, String index) {
        String names = "";
        try {
            int i = Integer.parseInt(index);
            names = i < pairNames.size() ? " (" + pairNames.get(i) + ")" : "";
        } catch (NumberFormatException e) {
            // not a numbered pair: the index alone
        }
        return arm + " · pair " + index + names;
    }

    /** The chart of a metric (or {@link #PAIR_CKA}). */
    public LiveCurveChart chart(String key) {
        return charts.get(key);
    }

    /** The view showing a metric's chart (or {@link #PAIR_CKA}'s). */
    public ChartImageView view(String key) {
        return views.get(key);
    }

    /** Where guides were disconnected during this run. */
    public List<GuidanceMarker> markers() {
        return List.copyOf(markers);
    }

    /** Points of one frame for one series. */
    private static final class Series {
        private double[] x = new double[8];
        private double[] y = new double[8];
        private int n;

        void add(double step, double value) {
            if (n == x.length) {
                x = java.util.Arrays.copyOf(x, 2 * n);
                y = java.util.Arrays.copyOf(y, 2 * n);
            }
            x[n] = step;
            y[n] = value;
            n++;
        }

        double[][] toArrays() {
            return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
        }
    }
}
