package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders heatmaps headless and reads the pixels back. */
class HeatmapChartsTest {
    private static final ViridisScale SCALE = ViridisScale.unit();

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.0})
    void everyCellIsExactlyItsColourOnTheScale(double scale) {
        CkaHeatmap h = SyntheticRun.heatmap(300, 0.5, new Random(3));
        JFreeChart chart = HeatmapCharts.heatmap(h, HeatmapOptions.defaults());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartImages.render(chart, 600, 500, scale, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        for (int r = 0; r < h.rows(); r++) {
            for (int c = 0; c < h.cols(); c++) {
                assertEquals(SCALE.colour(h.value(r, c)).getRGB() & 0xFFFFFF,
                        cellPixel(img, area, h, r, c, scale) & 0xFFFFFF, "cell " + r + "," + c);
            }
        }
    }

    @Test
    void rowZeroIsAtTheTopAndColumnZeroAtTheLeft() {
        double[][] v = {{0.0, 1.0}, {1.0, 0.5}};
        CkaHeatmap h = new CkaHeatmap("Target", List.of("t0", "t1"), "Guide", List.of("g0", "g1"), v, List.of(), 0);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartImages.render(HeatmapCharts.heatmap(h, HeatmapOptions.defaults()), 400, 400, 1.0,
                info);
        Rectangle2D a = info.getPlotInfo().getDataArea();
        int topLeft = img.getRGB((int) (a.getMinX() + a.getWidth() / 4), (int) (a.getMinY() + a.getHeight() / 4));
        int bottomRight = img.getRGB((int) (a.getMinX() + 3 * a.getWidth() / 4),
                (int) (a.getMinY() + 3 * a.getHeight() / 4));
        assertEquals(new Color(0x440154).getRGB() & 0xFFFFFF, topLeft & 0xFFFFFF, "value 0 is viridis' dark end");
        assertEquals(SCALE.colour(0.5).getRGB(), bottomRight);
    }

    @Test
    void aNonInvertedRowAxisPutsRowZeroAtTheBottom() {
        double[][] v = {{0.0, 0.0}, {1.0, 1.0}};
        CkaHeatmap h = new CkaHeatmap("Target", List.of("t0", "t1"), "Guide", List.of("g0", "g1"), v, List.of(), 0);
        JFreeChart chart = HeatmapCharts.heatmap(h, HeatmapOptions.defaults());
        ((XYPlot) chart.getPlot()).getRangeAxis().setInverted(false);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartImages.render(chart, 400, 400, 1.0, info);
        Rectangle2D a = info.getPlotInfo().getDataArea();
        int top = img.getRGB((int) a.getCenterX(), (int) (a.getMinY() + a.getHeight() / 4));
        int bottom = img.getRGB((int) a.getCenterX(), (int) (a.getMinY() + 3 * a.getHeight() / 4));
        assertEquals(SCALE.colour(1.0).getRGB(), top);
        assertEquals(SCALE.colour(0.0).getRGB(), bottom);
    }

    @Test
    void hoveringACellShowsItsLayersAndValue() {
        double[][] v = {{0.125, 0.5}, {0.75, Double.NaN}};
        CkaHeatmap h = new CkaHeatmap("Target", List.of("fc1", "fc2"), "Guide", List.of("conv1", "pool"), v,
                List.of(new int[] {1, 0}), 0);
        ChartRenderingInfo info = new ChartRenderingInfo();
        ChartImages.render(HeatmapCharts.heatmap(h, HeatmapOptions.defaults()), 400, 400, 1.0, info);
        Rectangle2D a = info.getPlotInfo().getDataArea();
        org.jfree.chart.entity.ChartEntity e = info.getEntityCollection().getEntity(
                a.getMinX() + 0.25 * a.getWidth(), a.getMinY() + 0.75 * a.getHeight());
        assertEquals("fc2 / conv1: 0.750 (loss pair)", e.getToolTipText());
        e = info.getEntityCollection().getEntity(a.getMinX() + 0.75 * a.getWidth(), a.getMinY() + 0.25 * a.getHeight());
        assertEquals("fc1 / pool: 0.500", e.getToolTipText());
        e = info.getEntityCollection().getEntity(a.getMinX() + 0.75 * a.getWidth(), a.getMinY() + 0.75 * a.getHeight());
        assertEquals("fc2 / pool: not computed", e.getToolTipText());
    }

    @Test
    void pairsUsedByTheLossAreOutlined() {
        double[][] v = new double[3][3];
        CkaHeatmap h = new CkaHeatmap("Target", List.of("a", "b", "c"), "Guide", List.of("x", "y", "z"), v,
                List.of(new int[] {1, 1}), 0);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartImages.render(HeatmapCharts.heatmap(h, HeatmapOptions.defaults()), 500, 500, 2.0,
                info);
        Rectangle2D a = info.getPlotInfo().getDataArea();
        // The left edge of cell (1, 1) is at x = 1/3 of the data area, halfway down its row.
        int x = (int) Math.round((a.getMinX() + a.getWidth() / 3) * 2.0);
        int y = (int) Math.round((a.getMinY() + a.getHeight() / 2) * 2.0);
        assertEquals(HeatmapCharts.PAIR_OUTLINE.getRGB(), img.getRGB(x, y));
        // The left edge of cell (0, 1), not a pair, is not outlined.
        int y0 = (int) Math.round((a.getMinY() + a.getHeight() / 6) * 2.0);
        assertEquals(SCALE.colour(0.0).getRGB(), img.getRGB(x, y0) | 0xFF000000);
    }

    @Test
    void beforeAndAfterAreSideBySideWithTheirSteps() {
        Random rnd = new Random(1);
        CkaHeatmap before = SyntheticRun.heatmap(0, 0.0, rnd);
        CkaHeatmap after = SyntheticRun.heatmap(600, 1.0, rnd);
        JFreeChart chart = HeatmapCharts.beforeAfter(before, after, HeatmapOptions.defaults().withValues(true));
        List<XYPlot> panels = ((CombinedRangeXYPlot) chart.getPlot()).getSubplots();
        assertEquals(List.of("Before (step 0)", "After (step 600)"), panels.stream().map(PanelAxes::title).toList());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartImages.render(chart, 900, 450, 1.0, info);
        for (int i = 0; i < 2; i++) {
            CkaHeatmap h = i == 0 ? before : after;
            Rectangle2D area = info.getPlotInfo().getSubplotInfo(i).getDataArea();
            // Cell (5, 0): far from the printed value at its centre, sample near its corner.
            int px = (int) (area.getMinX() + 0.15 * area.getWidth() / h.cols());
            int py = (int) (area.getMinY() + (5 + 0.15) * area.getHeight() / h.rows());
            assertEquals(SCALE.colour(h.value(5, 0)).getRGB(), img.getRGB(px, py), "panel " + i);
        }
    }

    @Test
    void beforeAndAfterWithDifferentTapsIsRefusedWithBothTapLists() {
        CkaHeatmap a = SyntheticRun.heatmap(0, 0.0, new Random(1));
        CkaHeatmap b = SyntheticRun.selfSimilarity(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeatmapCharts.beforeAfter(a, b, HeatmapOptions.defaults()));
        assertTrue(e.getMessage().contains("different taps") && e.getMessage().contains("conv1"), e.getMessage());
    }

    @Test
    void aMatrixOfTheWrongShapeIsRefusedNamingTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CkaHeatmap("Target",
                List.of("fc1", "fc2"), "Guide", List.of("c1", "c2"), new double[][] {{1, 2}, {3}}, List.of(), 5));
        assertTrue(e.getMessage().contains("row 1 (fc2) has 1 values"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> new CkaHeatmap("Target",
                List.of("fc1"), "Guide", List.of("c1"), new double[][] {{1}}, List.of(new int[] {0, 3}), 5));
        assertTrue(p.getMessage().contains("pair [0, 3]"), p.getMessage());
    }

    @Test
    void missingValuesAreGreyAndOutOfRangeValuesClamp() {
        assertEquals(ViridisScale.MISSING, SCALE.colour(Double.NaN));
        assertEquals(SCALE.colour(0.0), SCALE.colour(-0.05));
        assertEquals(SCALE.colour(1.0), SCALE.colour(1.3));
        assertEquals(new Color(0xFDE725), SCALE.colour(1.0));
        assertEquals(new Color(0x21908C), SCALE.colour(0.5));
    }

    private static int cellPixel(BufferedImage img, Rectangle2D area, CkaHeatmap h, int r, int c, double scale) {
        double x = area.getMinX() + (c + 0.5) * area.getWidth() / h.cols();
        double y = area.getMinY() + (r + 0.5) * area.getHeight() / h.rows();
        return img.getRGB((int) (x * scale), (int) (y * scale));
    }
}
