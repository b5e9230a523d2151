package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep figures: mean +- sd over seeds per line, a heatmap over two axes, their CSVs and files. */
class SweepChartsTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Two arms, warmup 0/100/300 (of 300 steps) x alpha 1/10 (log), two seeds: value = warmup/1000 + seed/100. */
    static SweepChartData data() {
        List<SweepChartData.Point> points = new ArrayList<>();
        for (String arm : List.of("guided", "trained")) {
            for (String w : List.of("0", "100", "300")) {
                for (String a : List.of("1", "10")) {
                    for (int seed = 1; seed <= 2; seed++) {
                        double v = Integer.parseInt(w) / 1000.0 + seed / 100.0 + (arm.equals("trained") ? 0.1 : 0)
                                + (a.equals("10") ? 0.2 : 0);
                        points.add(new SweepChartData.Point(Map.of("warmup", w, "alpha", a), arm, seed, v));
                    }
                }
            }
        }
        return new SweepChartData("test", "final_val_acc", "final validation accuracy", true,
                List.of(new SweepChartData.AxisInfo("warmup", List.of("0", "100", "300"), List.of(0.0, 100.0, 300.0), false, 300),
                        new SweepChartData.AxisInfo("alpha", List.of("1", "10"), List.of(1.0, 10.0), true, 0)),
                List.of("guided", "trained"), points);
    }

    @Test
    void aLinePerArmAndOtherAxisValueWithTheMeanAndABandOfOneSd() {
        JFreeChart chart = SweepCharts.metricVsAxis(data(), "warmup");
        String csv = ChartCsv.csv(chart);
        assertTrue(csv.startsWith(ChartCsv.BAND_HEADER + "\n"), csv);
        // guided, alpha=1, warmup 100: seeds 0.11 and 0.12 -> mean 0.115, sd 0.00707
        String row = csv.lines().filter(l -> l.startsWith(",\"guided, alpha=1\",100.0,")).findFirst().orElseThrow();
        String[] f = row.split(",");
        double mean = Double.parseDouble(f[f.length - 3]);
        double low = Double.parseDouble(f[f.length - 2]);
        double high = Double.parseDouble(f[f.length - 1]);
        assertEquals(0.115, mean, 1e-12);
        assertEquals(Math.sqrt(0.00005), high - mean, 1e-12);
        assertEquals(mean - low, high - mean, 1e-12);
        assertEquals(1 + 4 * 3, csv.lines().count(), "4 lines (2 arms x 2 alphas) x 3 warmups");
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals("warmup (steps of 300)", plot.getDomainAxis().getLabel());
        assertInstanceOf(PaperLogAxis.class, ((XYPlot) SweepCharts.metricVsAxis(data(), "alpha").getPlot()).getDomainAxis(),
                "a log range is drawn on a log axis");
    }

    @Test
    void aHeatmapOverTwoAxesHoldsTheMeanOverSeedsInEachCell() {
        JFreeChart chart = SweepCharts.heatmap(data(), "warmup", "alpha", "trained");
        String csv = ChartCsv.csv(chart);
        assertTrue(csv.startsWith(ChartCsv.GRID_HEADER + "\n"), csv);
        String row = csv.lines().filter(l -> l.startsWith(",trained,300,10,")).findFirst().orElseThrow();
        assertEquals(0.3 + 0.015 + 0.1 + 0.2, Double.parseDouble(row.substring(row.lastIndexOf(',') + 1)), 1e-12);
        assertEquals(1 + 3 * 2, csv.lines().count());
    }

    @Test
    void everyFigureOfASweepIsWrittenWithItsCsv(@TempDir Path dir) throws Exception {
        List<Path> files = SweepFigures.writeAll(data(), dir, ExportFormat.SVG, 1.0);
        List<String> names = files.stream().map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(List.of("sweep_final_val_acc-vs-alpha.csv", "sweep_final_val_acc-vs-alpha.svg",
                "sweep_final_val_acc-vs-warmup.csv", "sweep_final_val_acc-vs-warmup.svg",
                "sweep_final_val_acc-warmup-x-alpha-guided.csv", "sweep_final_val_acc-warmup-x-alpha-guided.svg",
                "sweep_final_val_acc-warmup-x-alpha-trained.csv", "sweep_final_val_acc-warmup-x-alpha-trained.svg"), names);
        assertTrue(Files.readString(dir.resolve("sweep_final_val_acc-vs-warmup.svg")).contains("mean \u00b1 sd over 2 seeds"));
    }
}
