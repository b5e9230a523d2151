package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.event.ChartChangeEvent;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class LiveCurveChartTest {

    @Test
    void aBatchForSeveralArmsFiresOneChartChange() {
        LiveCurveChart live = new LiveCurveChart("Loss", ArmPalette.of(List.of("a", "b", "c")), 100);
        List<ChartChangeEvent> events = new ArrayList<>();
        live.chart().addChangeListener(events::add);
        Map<String, double[][]> batch = new LinkedHashMap<>();
        batch.put("a", new double[][] {{1, 2, 3}, {0.9, 0.8, 0.7}});
        batch.put("b", new double[][] {{1, 2, 3}, {1.0, Double.NaN, 0.5}});
        batch.put("c", new double[][] {{1}, {2.0}});
        live.append(batch);
        assertEquals(1, events.size());
        assertEquals(3, live.pointCount("a"));
        assertEquals(2, live.pointCount("b"), "NaN skipped");
        assertEquals(3, live.chart().getPlot().getLegendItems().getItemCount());
        XYPlot plot = (XYPlot) live.chart().getPlot();
        assertEquals(ArmPalette.of(List.of("a", "b", "c")).colour("b"), plot.getRenderer().getSeriesPaint(1));
    }

    @Test
    void aLongRunStaysAtAboutOnePointPerColumnAndKeepsItsSpikes() {
        LiveCurveChart live = new LiveCurveChart("Loss", new ArmPalette(), 200);
        for (int frame = 0; frame < 100; frame++) {
            double[] s = new double[1000];
            double[] v = new double[1000];
            for (int i = 0; i < 1000; i++) {
                s[i] = frame * 1000 + i;
                v[i] = Math.cos(s[i] / 700.0);
            }
            if (frame == 37) {
                v[500] = 25.0;
            }
            live.append("guided", s, v);
            assertTrue(live.pointCount("guided") <= 2 * 200 + 2 + 1000, "frame " + frame + ": "
                    + live.pointCount("guided"));
        }
        XYDataset ds = ((XYPlot) live.chart().getPlot()).getDataset();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ds.getItemCount(0); i++) {
            max = Math.max(max, ds.getYValue(0, i));
        }
        assertEquals(25.0, max, "the spike survived repeated reduction");
        assertEquals(0.0, ds.getXValue(0, 0));
        assertEquals(99_999.0, ds.getXValue(0, ds.getItemCount(0) - 1));
    }
}
