package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Each live chart is redrawn at most every MIN_REDRAW_NANOS, and the points that wait meanwhile are kept. */
@ExtendWith(ApplicationExtension.class)
class LiveCurvesRedrawTest {
    private LiveCurves curves;

    @Start
    void start(Stage stage) {
        curves = new LiveCurves(new FakeRunDialogs());
        curves.reset(List.of("a"), Set.of(), "run");
        stage.setScene(new Scene(curves, 800, 600));
        stage.sizeToScene();
        stage.show();
    }

    private static TrainingEvent.Step lossAt(int step) {
        return new TrainingEvent.Step("a", Phase.TASK, step, Map.of(Metrics.TASK_LOSS, 1.0 / step));
    }

    /** Waits until no chart is being drawn and every handed point is on its chart. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                List.of(Metrics.TASK_LOSS, Metrics.VAL_LOSS, Metrics.TRAIN_ACCURACY, Metrics.VAL_ACCURACY,
                        Metrics.GUIDANCE_LOSS, LiveCurves.PAIR_CKA).stream().allMatch(k -> curves.view(k).isUpToDate()))
                .get());
    }

    private long taskLossPoints() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> (long) curves.chart(Metrics.TASK_LOSS).pointCount("a")).get();
    }

    @Test
    void aChartWaitsForItsIntervalAndKeepsItsPoints() throws Exception {
        long t0 = 1_000_000_000L;
        settle();
        WaitForAsyncUtils.asyncFx(() -> {
            curves.accept(List.of(lossAt(1)));
            curves.drawNext(t0);
        }).get();
        settle(); // the renderer appends handed points right before it draws them
        assertEquals(1, taskLossPoints(), "the first points are drawn at once");
        settle();
        WaitForAsyncUtils.asyncFx(() -> {
            curves.accept(List.of(lossAt(2), lossAt(3)));
            curves.drawNext(t0 + LiveCurves.MIN_REDRAW_NANOS / 2);
        }).get();
        settle();
        assertEquals(1, taskLossPoints(), "half an interval later the chart is not redrawn");
        WaitForAsyncUtils.asyncFx(() -> curves.drawNext(t0 + LiveCurves.MIN_REDRAW_NANOS)).get();
        settle();
        assertEquals(3, taskLossPoints(), "one interval later both waiting points arrive");
        WaitForAsyncUtils.asyncFx(() -> {
            curves.accept(List.of(lossAt(4)));
            curves.drawAll(); // the end of a run draws what waits at once, whatever the interval
        }).get();
        assertEquals(4, taskLossPoints());
    }
}
