package org.guidancelab.figures;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.guidancelab.engine.train.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;

/**
 * Curve figures against training step: training and validation side by side with one shared legend (the paper's
 * layout), guidance loss, and per-pair CKA. One colour per arm from the {@link ArmPalette}; with smoothing the EMA is
 * drawn over the raw series, which stays faint behind it.
 */
public final class CurveCharts {
    static final String STEP_LABEL = "Step";

    private CurveCharts() {
    }

    /**
     * Training and validation loss side by side, sharing the y axis and the legend. The training panel shows the task
     * loss when it was recorded (as the paper does): the total loss of a guided arm includes the guidance term and
     * would not be comparable with an unguided arm's.
     */
    public static JFreeChart loss(List<Curve> curves, List<GuidanceMarker> markers, ArmPalette palette,
                                  CurveOptions options) {
        boolean task = curves.stream().anyMatch(c -> c.metric().equals(Metrics.TASK_LOSS) && c.size() > 0);
        return trainValidation(curves, task ? Metrics.TASK_LOSS : Metrics.TRAIN_LOSS, Metrics.VAL_LOSS,
                task ? "Task loss" : "Loss", markers, palette, options);
    }

    /** Training and validation accuracy side by side, sharing the y axis and the legend. */
    public static JFreeChart accuracy(List<Curve> curves, List<GuidanceMarker> markers, ArmPalette palette,
                                      CurveOptions options) {
        JFreeChart chart = trainValidation(curves, Metrics.TRAIN_ACCURACY, Metrics.VAL_ACCURACY, "Accuracy", markers,
                palette, options);
        boolean fractions = curves.stream().filter(c -> c.metric().equals(Metrics.TRAIN_ACCURACY)
                        || c.metric().equals(Metrics.VAL_ACCURACY))
                .flatMapToDouble(c -> java.util.Arrays.stream(c.values())).filter(Double::isFinite)
                .allMatch(v -> v >= 0.0 && v <= 1.0);
        if (fractions && !options.logScale()) {
            // Accuracy read against the whole 0-1 scale, as in the paper, not zoomed into its own range.
            ((CombinedRangeXYPlot) chart.getPlot()).getRangeAxis().setRange(0.0, 1.02);
        }
        return chart;
    }

    /**
     * Two panels, "Training" and "Validation", sharing one y axis (so the two are read on the same scale) and one
     * legend with an entry per arm.
     */
    public static JFreeChart trainValidation(List<Curve> curves, String trainMetric, String valMetric, String yLabel,
                                             List<GuidanceMarker> markers, ArmPalette palette, CurveOptions options) {
        List<Curve> train = select(curves, trainMetric);
        List<Curve> val = select(curves, valMetric);
        List<String> arms = armsOf(train, val);
        ValueAxis yAxis = valueAxis(yLabel, options.logScale());
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(yAxis);
        combined.setGap(18.0);
        combined.add(panel(lines(train, palette), markers, palette, options, "Training"), 1);
        combined.add(panel(lines(val, palette), markers, palette, options, "Validation"), 1);
        combined.setFixedLegendItems(legend(arms, palette));
        shareStepRange(combined, train, val);
        FigureStyle.applyTo(combined);
        for (XYPlot sub : combined.getSubplots()) {
            FigureStyle.applyTo(sub);
            restyleTitle(sub);
        }
        return chart(options.title(), combined);
    }

    /** Both panels over the same steps, so training and validation line up (validation starts at its first eval). */
    private static void shareStepRange(CombinedRangeXYPlot combined, List<Curve> train, List<Curve> val) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Curve> list : List.of(train, val)) {
            for (Curve c : list) {
                double[] s = c.steps();
                for (double x : s) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (hi > lo) {
            double pad = 0.01 * (hi - lo);
            for (XYPlot sub : combined.getSubplots()) {
                sub.getDomainAxis().setRange(lo - pad, hi + pad);
            }
        }
    }

    /** One metric (e.g. the guidance loss) of every arm that has it, on one plot. */
    public static JFreeChart metric(List<Curve> curves, String metric, String yLabel, List<GuidanceMarker> markers,
                                    ArmPalette palette, CurveOptions options) {
        List<Curve> selected = select(curves, metric);
        XYPlot plot = panel(lines(selected, palette), markers, palette, options, null);
        plot.setRangeAxis(valueAxis(yLabel, options.logScale()));
        plot.setFixedLegendItems(legend(armsOf(selected, List.of()), palette));
        FigureStyle.applyTo(plot);
        return chart(options.title(), plot);
    }

    /** The guidance term (alpha times the sum over pairs of 1 - CKA) of every guided arm. */
    public static JFreeChart guidanceLoss(List<Curve> curves, List<GuidanceMarker> markers, ArmPalette palette,
                                          CurveOptions options) {
        return metric(curves, Metrics.GUIDANCE_LOSS, "Guidance loss", markers, palette, options);
    }

    /**
     * The CKA of each guided pair of one arm against step, on a fixed linear 0-1 axis (options' log scale does not
     * apply). Pairs are coloured along viridis, shallow to deep, so depth reads as lightness.
     */
    public static JFreeChart pairCka(List<Curve> curves, String arm, List<GuidanceMarker> markers,
                                     CurveOptions options) {
        return pairCka(curves, arm, markers, options, List.of());
    }

    /**
     * As {@link #pairCka(List, String, List, CurveOptions)}, naming pair i in the legend by {@code pairNames.get(i)}
     * (e.g. "fc1 – conv1") where given.
     */
    public static JFreeChart pairCka(List<Curve> curves, String arm, List<GuidanceMarker> markers,
                                     CurveOptions options, List<String> pairNames) {
        List<Curve> pairs = curves.stream().filter(c -> c.arm().equals(arm) && Metrics.isPairCka(c.metric()))
                .sorted((a, b) -> Integer.compare(pairIndex(a.metric()), pairIndex(b.metric()))).toList();
        ViridisScale scale = new ViridisScale(0.0, 1.0);
        List<Line> lines = new ArrayList<>();
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < pairs.size(); i++) {
            // Stop short of viridis' pale yellow end, which is hard to see as a thin line on white.
            Color colour = scale.colour(pairs.size() == 1 ? 0.0 : 0.85 * i / (pairs.size() - 1));
            int index = pairIndex(pairs.get(i).metric());
            String label = "pair " + Metrics.pairIndex(pairs.get(i).metric())
                    + (index < pairNames.size() ? ": " + pairNames.get(index) : "");
            lines.add(new Line(label, colour, pairs.get(i)));
            legend.add(legendItem(label, colour));
        }
        List<GuidanceMarker> own = markers.stream().filter(m -> m.arm().equals(arm)).toList();
        XYPlot plot = panel(lines, own, new ArmPalette(), options.withLogScale(false), null);
        // One arm, lines coloured by pair: its marker is neutral rather than in a colour that could read as a pair.
        java.util.Collection<?> drawn = plot.getDomainMarkers(0, org.jfree.chart.ui.Layer.BACKGROUND);
        if (drawn != null) {
            drawn.forEach(m -> ((org.jfree.chart.plot.Marker) m).setPaint(StepMarkers.NEUTRAL));
        }
        NumberAxis y = new NumberAxis("CKA");
        y.setAutoRange(false);
        y.setRange(0.0, 1.02);
        plot.setRangeAxis(y);
        plot.setFixedLegendItems(legend);
        FigureStyle.applyTo(plot);
        return chart(options.title() != null ? options.title() : "Per-pair CKA, " + arm, plot);
    }

    private static int pairIndex(String metric) {
        try {
            return Metrics.pairIndex(metric);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static XYPlot panel(List<Line> lines, List<GuidanceMarker> markers, ArmPalette palette,
                                CurveOptions options, String title) {
        NumberAxis x = new NumberAxis(STEP_LABEL);
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        XYPlot plot = CurvePlots.linePlot(lines, options, x);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (double s : l.curve().steps()) {
                xMin = Math.min(xMin, s);
                xMax = Math.max(xMax, s);
            }
        }
        StepMarkers.add(plot, markers, palette, xMin, xMax);
        if (title != null) {
            PanelAxes.setTitle(plot, title);
        }
        return plot;
    }

    private static void restyleTitle(XYPlot sub) {
        if (PanelAxes.title(sub) != null) {
            sub.getDomainAxis(PanelAxes.TITLE_AXIS_INDEX).setLabelFont(FigureStyle.PANEL_TITLE_FONT);
        }
    }

    static ValueAxis valueAxis(String label, boolean log) {
        if (log) {
            return new PaperLogAxis(label);
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, FigureStyle.TITLE_FONT, plot, true);
        FigureStyle.applyTo(chart);
        return chart;
    }

    private static List<Curve> select(List<Curve> curves, String metric) {
        return curves.stream().filter(c -> c.metric().equals(metric)).toList();
    }

    private static List<String> armsOf(List<Curve> a, List<Curve> b) {
        Set<String> arms = new LinkedHashSet<>();
        a.forEach(c -> arms.add(c.arm()));
        b.forEach(c -> arms.add(c.arm()));
        return List.copyOf(arms);
    }

    private static List<Line> lines(List<Curve> curves, ArmPalette palette) {
        return curves.stream().map(c -> new Line(c.arm(), palette.colour(c.arm()), c)).toList();
    }

    private static LegendItemCollection legend(List<String> arms, ArmPalette palette) {
        LegendItemCollection items = new LegendItemCollection();
        for (String arm : arms) {
            items.add(legendItem(arm, palette.colour(arm)));
        }
        return items;
    }

    private static LegendItem legendItem(String label, Color colour) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-10, 0, 10, 0), FigureStyle.LINE, colour);
    }

    /** One line to draw: its legend key, colour and data. */
    record Line(String key, Color colour, Curve curve) {
    }
}
