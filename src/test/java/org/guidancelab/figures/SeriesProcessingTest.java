package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.general.SeriesChangeEvent;
import org.junit.jupiter.api.Test;

/** Cleaning, smoothing, reduction and batched appends of series, before anything is drawn. */
class SeriesProcessingTest {

    @Test
    void finiteDropsNanAndInfinitiesAndOnLogScaleNonPositiveValues() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {1.0, Double.NaN, 2.0, Double.POSITIVE_INFINITY, -1.0, 0.0};
        SeriesPoints all = SeriesPoints.finite(x, y, false);
        assertArrayEquals(new double[] {0, 2, 4, 5}, all.x());
        assertArrayEquals(new double[] {1.0, 2.0, -1.0, 0.0}, all.y());
        SeriesPoints positive = SeriesPoints.finite(x, y, true);
        assertArrayEquals(new double[] {0, 2}, positive.x());
    }

    @Test
    void emaIsDebiasedAndConstantOnAConstantSeries() {
        double[] steps = {1, 2, 3, 4};
        assertArrayEquals(new double[] {5, 5, 5, 5}, Ema.smooth(steps, new double[] {5, 5, 5, 5}, 0.9), 1e-12);
        double[] s = Ema.smooth(steps, new double[] {0, 1, 1, 1}, 0.5);
        assertEquals(0.0, s[0], 1e-12);
        // s2 = 0.5 * 0 + 0.5 * 1 = 0.5, debiased by 1 - 0.25
        assertEquals(0.5 / 0.75, s[1], 1e-12);
    }

    @Test
    void emaWeightIsPerStepSoSparseCurvesAreSmoothedOverTheSameSpan() {
        // Two points 10 steps apart with weight 0.5: the old point keeps 0.5^10 of the weight.
        double[] s = Ema.smooth(new double[] {0, 10}, new double[] {0, 1}, 0.5);
        double a = Math.pow(0.5, 10);
        assertEquals((1 - a) / (1 - 0.5 * a), s[1], 1e-12);
    }

    @Test
    void emaRejectsAWeightOutsideZeroToOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ema.smooth(new double[] {1}, new double[] {1}, 1.0));
        assertTrue(e.getMessage().contains("smoothing weight"), e.getMessage());
    }

    @Test
    void reductionKeepsSpikesEndsAndAboutOnePointPerColumn() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 500.0);
        }
        y[54_321] = 40.0;
        y[77_777] = -30.0;
        SeriesPoints r = PointReducer.reduce(new SeriesPoints(x, y), 500);
        assertTrue(r.size() <= 2 * 500 + 2, "reduced to " + r.size());
        assertTrue(r.size() >= 2 * 500, "every column keeps its lowest and highest point: " + r.size());
        assertEquals(0.0, r.x()[0]);
        assertEquals(n - 1.0, r.x()[r.size() - 1]);
        assertTrue(contains(r, 54_321, 40.0), "upward spike kept");
        assertTrue(contains(r, 77_777, -30.0), "downward spike kept");
        for (int i = 1; i < r.size(); i++) {
            assertTrue(r.x()[i] > r.x()[i - 1], "steps stay in order");
        }
    }

    @Test
    void shortSeriesAreNotReduced() {
        SeriesPoints p = new SeriesPoints(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        assertEquals(p, PointReducer.reduce(p, 1));
    }

    @Test
    void eachColumnKeepsItsExtremesInStepOrder() {
        // 8 points over 2 columns: column 0 = steps 0-3, column 1 = steps 4-7.
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = {5, 9, 1, 4, 3, 3, 0, 2};
        SeriesPoints r = PointReducer.reduce(new SeriesPoints(x, y), 2);
        // Column 0: the first point, max 9 at 1, min 1 at 2. Column 1: max 3 at 4, min 0 at 6, the last point.
        assertArrayEquals(new double[] {0, 1, 2, 4, 6, 7}, r.x());
        assertArrayEquals(new double[] {5, 9, 1, 3, 0, 2}, r.y());
    }

    private static boolean contains(SeriesPoints p, double x, double y) {
        for (int i = 0; i < p.size(); i++) {
            if (p.x()[i] == x && p.y()[i] == y) {
                return true;
            }
        }
        return false;
    }

    @Test
    void batchAppendFiresOneChangeAndSkipsNonFinitePoints() {
        BatchXYSeries series = new BatchXYSeries("guided");
        List<SeriesChangeEvent> events = new ArrayList<>();
        series.addChangeListener(events::add);
        int added = series.appendBatch(new double[] {1, 2, 3, 4}, new double[] {0.5, Double.NaN, 0.25,
                Double.NEGATIVE_INFINITY});
        assertEquals(2, added);
        assertEquals(1, events.size());
        assertEquals(2, series.getItemCount());
        assertEquals(3.0, series.getX(1).doubleValue());
        assertEquals(0.25, series.getY(1).doubleValue());
        series.appendBatch(new double[] {Double.NaN}, new double[] {1.0});
        assertEquals(1, events.size(), "nothing added, nothing fired");
    }
}
