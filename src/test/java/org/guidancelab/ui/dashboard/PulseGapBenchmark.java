package org.guidancelab.ui.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.ui.app.FirstFrames;
import org.guidancelab.ui.app.GuidanceLabApp;
import org.guidancelab.ui.app.LabShell;
import org.guidancelab.ui.run.RunJob;
import org.guidancelab.ui.run.RunSettings;
import org.guidancelab.ui.run.TrainingService;

/**
 * UI responsiveness while a run streams metrics: the app's window, on its dashboard tab, follows a real run of two arms of STEPS steps each
 * (tiny MLPs, so steps come as fast as the engine can make them) until 2 x STEPS points are charted per curve metric,
 * while an AnimationTimer records the gap between consecutive JavaFX pulses. Goal: the longest gap under 50 ms.
 * Not a test (timing never is); run it with the test classpath and the headless flags of pom.xml, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) <testfx flags> org.guidancelab.ui.dashboard.PulseGapBenchmark 50000}.
 */
public final class PulseGapBenchmark {
    private PulseGapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        // Monocle's headless screen defaults to 1280x800; the app's window (1440x860) overflows it and the renderer
        // throws BufferOverflowException, so the benchmark's screen is larger unless the caller chose one.
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        // --trace: say for each long gap which threads ran and which waited for a core (Linux)
        // without it, only the steal time of each long gap (a stall of the VM's host, not of the app)
        StallTracer tracer = StallTracer.start(List.of(args).contains("--trace"));
        java.util.concurrent.ExecutorService explainer = java.util.concurrent.Executors.newSingleThreadExecutor();
        Path runs = Files.createTempDirectory("pulse-bench");
        CountDownLatch ready = new CountDownLatch(1);
        Platform.startup(ready::countDown);
        ready.await();
        TrainingService service = new TrainingService(RunSettings.defaults().withRunsDir(runs));
        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        long[] last = {0};
        long[] lastWall = {0};
        CountDownLatch done = new CountDownLatch(1);
        LabShell[] shell = new LabShell[1];
        Platform.runLater(() -> {
            Stage stage = new Stage();
            // the app's own window (theme, tabs, builder), on the dashboard tab as after Run
            shell[0] = GuidanceLabApp.createShell(stage, service);
            shell[0].showTab("tab-dashboard");
            stage.show();
            FirstFrames.openNativeLoading();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last[0] != 0 && service.isRunning()) {
                        long gap = now - last[0];
                        gaps.add(gap);
                        if (gap > 50_000_000L && gaps.size() > 10) {
                            // printed as it happens, so it lands between the lines of -Djavafx.pulseLogger=true
                            // and names the pulse it follows
                            // "late": how long after its pulse began this timer ran (other timers of the pulse
                            // run first), for the pulse before the gap and this one
                            System.out.printf(Locale.ROOT, "LONG GAP %.1f ms before pulse %d (late %.1f, %.1f ms) at %s%n",
                                    gap / 1e6, gaps.size(), (lastWall[0] - last[0]) / 1e6,
                                    (System.nanoTime() - now) / 1e6, java.time.LocalTime.now());
                            long from = last[0];
                            long to = System.nanoTime();
                            explainer.execute(() -> tracer.explain(from, to));
                        }
                    }
                    last[0] = now;
                    lastWall[0] = System.nanoTime();
                    tracer.lastPulseNanos = lastWall[0];
                }
            }.start();
            service.addOnFinished(o -> done.countDown());
            service.submit(RunJob.fresh(TinyRuns.experiment(steps, 1000, OptimizerKind.ADAM, 0.01)));
        });
        long t0 = System.nanoTime();
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the run did not finish in 30 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Long> g;
        synchronized (gaps) {
            g = new ArrayList<>(gaps.subList(Math.min(gaps.size(), 10), gaps.size())); // skip window start-up
        }
        Collections.sort(g);
        double max = g.isEmpty() ? Double.NaN : g.get(g.size() - 1) / 1e6;
        double p99 = g.isEmpty() ? Double.NaN : g.get((int) (g.size() * 0.99)) / 1e6;
        double median = g.isEmpty() ? Double.NaN : g.get(g.size() / 2) / 1e6;
        System.out.printf(Locale.ROOT, "points charted per curve metric=%d (2 arms x %d steps) in %.1f s (%.0f steps/s)%n",
                2 * steps, steps, seconds, 2 * steps / seconds);
        long over50 = g.stream().filter(x -> x > 50_000_000L).count();
        long over100 = g.stream().filter(x -> x > 100_000_000L).count();
        System.out.printf(Locale.ROOT, "pulses=%d gap ms: median=%.1f p99=%.1f max=%.1f (goal: max < 50); "
                + "gaps over 50 ms: %d, over 100 ms: %d%n", g.size(), median, p99, max, over50, over100);
        explainer.shutdown();
        explainer.awaitTermination(5, TimeUnit.SECONDS);
        tracer.stop();
        Platform.runLater(() -> {
            shell[0].dashboard().dispose();
            service.shutdown();
            Platform.exit();
        });
    }
}
