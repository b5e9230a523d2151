package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A chart drawn off the FX thread: where it is drawn, what reaches the screen, and the lock that guards the chart. */
@ExtendWith(ApplicationExtension.class)
class ChartImageViewTest {
    private static final long TIMEOUT_S = 60;

    private final XYSeries series = new XYSeries("s");
    private final List<String> drawingThreads = new CopyOnWriteArrayList<>();
    private JFreeChart chart;
    private ChartImageView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        series.add(0, 0);
        series.add(1, 1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Color.RED);
        r.setSeriesStroke(0, new BasicStroke(8f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis("x"), new NumberAxis("y"), r);
        plot.setBackgroundPaint(Color.WHITE);
        chart = new JFreeChart("test", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_STARTED) {
                drawingThreads.add(Thread.currentThread().getName());
            }
        });
        view = new ChartImageView(chart, false);
        stage.setScene(new Scene(new StackPane(view), 400, 300));
        stage.sizeToScene(); // the primary stage is shared by test classes: an earlier one may have resized it
        stage.show();
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private void awaitDrawn() throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(view::isUpToDate));
    }

    @Test
    void theChartIsDrawnOnTheRendererThreadAndItsPixelsReachTheScreen() throws Exception {
        awaitDrawn();
        assertFalse(drawingThreads.isEmpty());
        assertTrue(drawingThreads.stream().allMatch("chart-renderer"::equals), drawingThreads.toString());
        // the image fills the view, laid out at the view's size
        var area = fx(() -> view.getRenderingInfo().getChartArea());
        assertEquals(400, area.getWidth(), 0.5);
        assertEquals(300, area.getHeight(), 0.5);
        WritableImage shot = fx(() -> view.snapshot(null, null));
        PixelReader px = shot.getPixelReader();
        int red = 0;
        int white = 0;
        for (int y = 0; y < (int) shot.getHeight(); y++) {
            for (int x = 0; x < (int) shot.getWidth(); x++) {
                javafx.scene.paint.Color c = px.getColor(x, y);
                if (c.getRed() > 0.9 && c.getGreen() < 0.1 && c.getBlue() < 0.1) {
                    red++;
                } else if (c.getRed() > 0.95 && c.getGreen() > 0.95 && c.getBlue() > 0.95) {
                    white++;
                }
            }
        }
        assertTrue(red > 1000, "the 8-px red diagonal is on screen: " + red + " red pixels");
        assertTrue(white > 400 * 300 / 2, "the white background: " + white + " white pixels");
    }

    @Test
    void aChangeMadeOnTheFxThreadIsDrawnAndTheViewFollowsItsSize() throws Exception {
        awaitDrawn();
        int before = fx(view::renderCount);
        fx(() -> {
            view.withChart(c -> series.add(2, 5));
            return null;
        });
        awaitDrawn();
        assertTrue(fx(view::renderCount) > before, "the new point was drawn");
        double yTop = fx(() -> chart.getXYPlot().getRangeAxis().getUpperBound());
        assertTrue(yTop >= 5, "the range grew to the new point: " + yTop);
        fx(() -> {
            stage.setWidth(520);
            return null;
        });
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(() -> view.isUpToDate()
                && Math.abs(view.getRenderingInfo().getChartArea().getWidth() - view.getWidth()) < 0.5
                && view.getWidth() > 450));
    }

    @Test
    void theFxThreadNeverWaitsForTheChartWhileItIsHeldAndAnotherChartReplacesIt() throws Exception {
        awaitDrawn();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> view.withChart(c -> {
            held.countDown();
            try {
                release.await(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        assertTrue(held.await(TIMEOUT_S, TimeUnit.SECONDS));
        // the FX thread hands a change over and goes on: the change waits for the chart, the FX thread does not
        fx(() -> {
            view.changeOnRenderer(() -> series.add(3, 3));
            return null;
        });
        assertEquals(2, series.getItemCount(), "not made while the chart is held");
        assertFalse(fx(view::isUpToDate));
        release.countDown();
        holder.join();
        awaitDrawn();
        assertEquals(3, series.getItemCount(), "made once the chart was free, and drawn");

        JFreeChart other = new JFreeChart(new XYPlot());
        fx(() -> {
            view.setChart(other);
            return null;
        });
        awaitDrawn();
        assertEquals(other, fx(view::renderedChart));
        assertNotEquals(chart, fx(view::getChart));
    }

    @Test
    void changesHandedToTheRendererAreMadeThereInOrderAndDrawn() throws Exception {
        awaitDrawn();
        List<String> changedOn = new CopyOnWriteArrayList<>();
        int before = fx(view::renderCount);
        fx(() -> {
            view.changeOnRenderer(() -> {
                changedOn.add(Thread.currentThread().getName());
                series.add(10, 1);
            });
            view.changeOnRenderer(() -> series.add(11, 20));
            return null;
        });
        awaitDrawn();
        assertEquals(List.of("chart-renderer"), changedOn, "made on the renderer, not the FX thread");
        assertTrue(fx(view::renderCount) > before, "and drawn");
        assertTrue(fx(() -> chart.getXYPlot().getRangeAxis().getUpperBound()) >= 20);
        // a change handed over and a direct one right after: the direct one sees the handed one first
        double[] lastX = new double[1];
        fx(() -> {
            view.changeOnRenderer(() -> series.add(12, 1));
            view.withChart(c -> lastX[0] = series.getX(series.getItemCount() - 1).doubleValue());
            return null;
        });
        assertEquals(12.0, lastX[0]);
    }

    @Test
    void aViewWithoutSizeStillMakesTheChangesItIsHanded() throws Exception {
        XYSeries hidden = new XYSeries("h");
        ChartImageView unsized = fx(() -> new ChartImageView(new JFreeChart(new XYPlot(new XYSeriesCollection(hidden),
                new NumberAxis(), new NumberAxis(), new XYLineAndShapeRenderer())), false));
        fx(() -> {
            unsized.changeOnRenderer(() -> hidden.add(1, 1));
            return null;
        });
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(() -> {
            int[] n = new int[1];
            unsized.withChart(c -> n[0] = hidden.getItemCount());
            return n[0] == 1;
        }));
        assertEquals(0, fx(unsized::renderCount), "never laid out, never drawn");
    }

    @Test
    void aChartBuiltOnTheRendererIsShownUnlessALaterOneSupersedesIt() throws Exception {
        awaitDrawn();
        List<String> builtOn = new CopyOnWriteArrayList<>();
        List<Boolean> shownWhenCalled = new CopyOnWriteArrayList<>();
        JFreeChart[] built = new JFreeChart[1];
        fx(() -> {
            view.setChartLater(() -> {
                builtOn.add(Thread.currentThread().getName());
                built[0] = new JFreeChart(new XYPlot());
                return built[0];
            }, () -> shownWhenCalled.add(view.getChart() == built[0]));
            return null;
        });
        awaitDrawn();
        assertEquals(List.of("chart-renderer"), builtOn);
        assertEquals(List.of(true), shownWhenCalled, "onShown runs once the built chart is the view's");
        assertEquals(built[0], fx(view::renderedChart));

        // a chart set right after a build was asked for wins, whenever the build finishes
        JFreeChart direct = new JFreeChart(new XYPlot());
        List<String> lateShown = new CopyOnWriteArrayList<>();
        fx(() -> {
            view.setChartLater(() -> new JFreeChart(new XYPlot()), () -> lateShown.add("late"));
            view.setChart(direct);
            return null;
        });
        awaitDrawn();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(direct, fx(view::getChart));
        assertTrue(lateShown.isEmpty(), "the superseded build never showed");
    }
}
