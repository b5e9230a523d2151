package org.guidancelab.ui.dashboard;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guidancelab.figures.ArmPalette;
import org.guidancelab.figures.CkaHeatmap;
import org.guidancelab.figures.HeatmapCharts;
import org.guidancelab.figures.HeatmapOptions;
import org.guidancelab.figures.LiveCurveChart;
import org.jfree.chart.JFreeChart;

/**
 * Builds and draws a throwaway heatmap and live curve chart on the chart renderer when the dashboard is created, so
 * the first run does not pay for loading and initialising JFreeChart's classes in its first frames, where the FX
 * thread would spend several frames' worth of time on a run's first heatmap and curve points. Runs once per JVM, at
 * the renderer's low priority.
 */
final class ChartWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** A few rounds: enough to load and initialise every class the charts use; the JIT does the rest during a run. */
    static final int ROUNDS = 3;

    private ChartWarmup() {
    }

    static void startOnce() {
        if (STARTED.compareAndSet(false, true)) {
            ChartImageView.runOnRenderer(ChartWarmup::warm);
        }
    }

    /** Returns how many charts were drawn (for the test). */
    static int warm() {
        BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_ARGB_PRE);
        int drawn = 0;
        for (int round = 0; round < ROUNDS; round++) {
            CkaHeatmap h = new CkaHeatmap("target", List.of("t1", "t2", "t3"), "guide", List.of("g1", "g2"),
                    new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.5, 0.5}}, List.of(new int[] {0, 0}), round);
            LiveCurveChart live = new LiveCurveChart("Loss", ArmPalette.of(List.of("a", "b")), LiveCurves.PIXEL_COLUMNS);
            live.append(Map.of("a", new double[][] {{1, 2, 3}, {0.9, 0.7, 0.6}},
                    "b", new double[][] {{1, 2, 3}, {0.8, 0.5, 0.4}}));
            for (JFreeChart c : List.of(HeatmapCharts.heatmap(h, HeatmapOptions.defaults()),
                    HeatmapCharts.beforeAfter(h, h, HeatmapOptions.defaults()), live.chart())) {
                Graphics2D g = image.createGraphics();
                try {
                    c.draw(g, new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()));
                    drawn++;
                } finally {
                    g.dispose();
                }
            }
        }
        return drawn;
    }
}
