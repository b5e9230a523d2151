package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.guidancelab.engine.train.Metrics;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class CurveChartsTest {
    private static final List<Curve> CURVES = SyntheticRun.run("t").curves();
    private static final List<GuidanceMarker> MARKERS = List.of(new GuidanceMarker("warmup 150", 150));

    @Test
    void lossHasTrainingAndValidationPanelsSharingOneLegendEntryPerArm() {
        JFreeChart chart = CurveCharts.loss(CURVES, MARKERS, ArmPalette.of(SyntheticRun.ARMS), CurveOptions.defaults());
        CombinedRangeXYPlot plot = assertInstanceOf(CombinedRangeXYPlot.class, chart.getPlot());
        List<XYPlot> panels = plot.getSubplots();
        assertEquals(List.of("Training", "Validation"), panels.stream().map(PanelAxes::title).toList());
        LegendItemCollection legend = plot.getLegendItems();
        assertEquals(SyntheticRun.ARMS.size(), legend.getItemCount());
        for (int i = 0; i < legend.getItemCount(); i++) {
            assertEquals(SyntheticRun.ARMS.get(i), legend.get(i).getLabel());
        }
        // Each panel: 3 arms, raw series faint behind the smoothed ones.
        for (XYPlot p : panels) {
            assertEquals(3, p.getDataset(CurvePlots.MAIN).getSeriesCount());
            assertEquals(3, p.getDataset(CurvePlots.RAW).getSeriesCount());
            Color raw = (Color) p.getRenderer(CurvePlots.RAW).getSeriesPaint(0);
            Color main = (Color) p.getRenderer(CurvePlots.MAIN).getSeriesPaint(0);
            assertEquals(main.getRGB() & 0xFFFFFF, raw.getRGB() & 0xFFFFFF);
            assertEquals(255, main.getAlpha());
            assertTrue(raw.getAlpha() < 128, "raw series is faint");
        }
    }

    @Test
    void theTrainingPanelShowsTheTaskLossWhenRecordedAndBothPanelsCoverTheSameSteps() {
        Curve total = new Curve("guided", Metrics.TRAIN_LOSS, new double[] {1, 2, 3}, new double[] {5, 4, 3});
        Curve task = new Curve("guided", Metrics.TASK_LOSS, new double[] {1, 2, 3}, new double[] {2, 1.5, 1});
        Curve val = new Curve("guided", Metrics.VAL_LOSS, new double[] {2}, new double[] {1.75});
        JFreeChart chart = CurveCharts.loss(List.of(total, task, val), List.of(), new ArmPalette(),
                CurveOptions.defaults().withSmoothing(0.0));
        CombinedRangeXYPlot plot = (CombinedRangeXYPlot) chart.getPlot();
        XYPlot train = plot.getSubplots().get(0);
        assertEquals(2.0, train.getDataset(CurvePlots.MAIN).getYValue(0, 0), "task loss, not the total");
        assertEquals("Task loss", plot.getRangeAxis().getLabel());
        XYPlot validation = plot.getSubplots().get(1);
        assertEquals(train.getDomainAxis().getRange(), validation.getDomainAxis().getRange());
        assertTrue(validation.getDomainAxis().getLowerBound() < 1.0);
    }

    @Test
    void anArmHasTheSameColourInEveryPanelAndFigure() {
        ArmPalette palette = ArmPalette.of(SyntheticRun.ARMS);
        JFreeChart loss = CurveCharts.loss(CURVES, MARKERS, palette, CurveOptions.defaults());
        JFreeChart guidance = CurveCharts.guidanceLoss(CURVES, MARKERS, palette, CurveOptions.defaults());
        String arm = "warmup 150";
        Color expected = palette.colour(arm);
        for (XYPlot p : ((CombinedRangeXYPlot) loss.getPlot()).getSubplots()) {
            assertEquals(expected, paintOf(p, arm));
        }
        assertEquals(expected, paintOf((XYPlot) guidance.getPlot(), arm));
        assertNotEquals(palette.colour("unguided"), expected);
        // A palette built from the same arm list gives the same colours.
        assertEquals(expected, ArmPalette.of(SyntheticRun.ARMS).colour(arm));
    }

    private static Color paintOf(XYPlot p, String key) {
        XYDataset ds = p.getDataset(CurvePlots.MAIN);
        return (Color) p.getRenderer(CurvePlots.MAIN).getSeriesPaint(ds.indexOf(key));
    }

    @Test
    void withoutSmoothingOnlyTheRawCurveIsDrawnWithExactlyItsFiniteValues() {
        Curve c = new Curve("a", Metrics.TRAIN_LOSS, new double[] {1, 2, 3, 4}, new double[] {2.0, Double.NaN, 1.0,
                Double.POSITIVE_INFINITY});
        JFreeChart chart = CurveCharts.metric(List.of(c), Metrics.TRAIN_LOSS, "Loss", List.of(), new ArmPalette(),
                CurveOptions.defaults().withSmoothing(0.0));
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals(0, plot.getDataset(CurvePlots.RAW).getSeriesCount());
        XYDataset ds = plot.getDataset(CurvePlots.MAIN);
        assertEquals(2, ds.getItemCount(0));
        assertEquals(1.0, ds.getXValue(0, 0));
        assertEquals(2.0, ds.getYValue(0, 0));
        assertEquals(3.0, ds.getXValue(0, 1));
        assertEquals(1.0, ds.getYValue(0, 1));
    }

    @Test
    void hoveringALineShowsArmStepAndValue() {
        Curve c = new Curve("guided", Metrics.GUIDANCE_LOSS, new double[] {10, 20}, new double[] {0.5, 0.25});
        JFreeChart chart = CurveCharts.guidanceLoss(List.of(c), List.of(), new ArmPalette(),
                CurveOptions.defaults().withSmoothing(0.0));
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals("guided, step 20: 0.25", plot.getRenderer(CurvePlots.MAIN).getToolTipGenerator(0, 1)
                .generateToolTip(plot.getDataset(CurvePlots.MAIN), 0, 1));
    }

    @Test
    void logScaleUsesALogAxisAndLeavesOutNonPositiveValues() {
        Curve c = new Curve("a", Metrics.GUIDANCE_LOSS, new double[] {1, 2, 3}, new double[] {1.0, 0.0, 0.1});
        JFreeChart chart = CurveCharts.guidanceLoss(List.of(c), List.of(), new ArmPalette(),
                CurveOptions.defaults().withSmoothing(0.0).withLogScale(true));
        XYPlot plot = (XYPlot) chart.getPlot();
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        assertEquals(2, plot.getDataset(CurvePlots.MAIN).getItemCount(0));
    }

    @Test
    void longSeriesAreReducedToAFewPointsPerPixelColumn() {
        int n = 100_000;
        double[] s = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
            v[i] = Math.exp(-i / 20_000.0) + 0.1 * Math.sin(i);
        }
        JFreeChart chart = CurveCharts.metric(List.of(new Curve("a", "train/loss", s, v)), "train/loss", "Loss",
                List.of(), new ArmPalette(), CurveOptions.defaults().withPixelColumns(800));
        XYPlot plot = (XYPlot) chart.getPlot();
        int main = plot.getDataset(CurvePlots.MAIN).getItemCount(0);
        int raw = plot.getDataset(CurvePlots.RAW).getItemCount(0);
        assertTrue(main <= 1602 && raw <= 1602, main + " / " + raw + " points");
        assertTrue(main >= 800, main + " points");
    }

    @Test
    void guidanceMarkersAreDrawnInTheirArmsColourAndSharedOnesNameTheArms() {
        List<GuidanceMarker> markers = List.of(new GuidanceMarker("warmup 150", 150), new GuidanceMarker("b", 300),
                new GuidanceMarker("c", 300));
        ArmPalette palette = ArmPalette.of(SyntheticRun.ARMS);
        JFreeChart chart = CurveCharts.loss(CURVES, markers, palette, CurveOptions.defaults());
        for (XYPlot p : ((CombinedRangeXYPlot) chart.getPlot()).getSubplots()) {
            Collection<?> drawn = p.getDomainMarkers(0, Layer.BACKGROUND);
            List<ValueMarker> vm = new ArrayList<>();
            drawn.forEach(m -> vm.add((ValueMarker) m));
            assertEquals(2, vm.size());
            assertEquals(150.0, vm.get(0).getValue());
            assertEquals(palette.colour("warmup 150"), vm.get(0).getPaint());
            assertEquals("guide off", vm.get(0).getLabel());
            assertEquals("guide off (b, c)", vm.get(1).getLabel());
        }
    }

    @Test
    void pairCkaHasOneLineAndLegendEntryPerPairOnAFixedZeroToOneAxis() {
        JFreeChart chart = CurveCharts.pairCka(CURVES, "guided (untrained CNN)", MARKERS, CurveOptions.defaults());
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals(SyntheticRun.GUIDE_TAPS.size(), plot.getDataset(CurvePlots.MAIN).getSeriesCount());
        assertEquals("pair 0", plot.getLegendItems().get(0).getLabel());
        JFreeChart named = CurveCharts.pairCka(CURVES, "guided (untrained CNN)", MARKERS, CurveOptions.defaults(),
                RunFigures.pairNames(SyntheticRun.run("t").cka().get("guided (untrained CNN)")));
        assertEquals("pair 2: fc4 \u2013 conv3", named.getPlot().getLegendItems().get(2).getLabel());
        assertEquals(0.0, plot.getRangeAxis().getLowerBound());
        assertFalse(plot.getRangeAxis().isAutoRange());
        assertTrue(plot.getDomainMarkers(0, Layer.BACKGROUND) == null
                || plot.getDomainMarkers(0, Layer.BACKGROUND).isEmpty(), "another arm's marker is not drawn");
        JFreeChart warmup = CurveCharts.pairCka(CURVES, "warmup 150", MARKERS,
                CurveOptions.defaults().withLogScale(true));
        XYPlot wp = (XYPlot) warmup.getPlot();
        assertEquals(1, wp.getDomainMarkers(0, Layer.BACKGROUND).size());
        assertEquals(StepMarkers.NEUTRAL, ((ValueMarker) wp.getDomainMarkers(0, Layer.BACKGROUND).iterator().next())
                .getPaint());
        assertFalse(wp.getRangeAxis() instanceof LogAxis, "CKA stays on a linear 0-1 axis");
    }
}
