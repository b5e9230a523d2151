package org.guidancelab.figures.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.figures.ArmPalette;
import org.guidancelab.figures.ChartImages;
import org.guidancelab.figures.Curve;
import org.guidancelab.figures.CurveCharts;
import org.guidancelab.figures.CurveOptions;
import org.jfree.chart.JFreeChart;

/**
 * How long a loss figure with 100,000 points per series takes to build and draw, with the per-pixel-column reduction
 * and without it. A benchmark, not a test (timings on a shared 2-core machine are not pass/fail material).
 *
 * <p>Run: {@code java -Djava.awt.headless=true -cp target/classes:target/test-classes:DEPS
 * org.guidancelab.figures.bench.CurveRenderBenchmark [points] [rounds]}
 */
public final class CurveRenderBenchmark {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;

    private CurveRenderBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<String> arms = List.of("unguided", "guided", "warmup 150");
        List<Curve> curves = curves(arms, points);
        ArmPalette palette = ArmPalette.of(arms);
        System.out.printf("loss figure, %d arms x 2 panels, %,d points per series, %d x %d px%n", arms.size(),
                points, WIDTH, HEIGHT);
        for (int columns : new int[] {WIDTH / 2, Integer.MAX_VALUE / 8}) {
            String label = columns == WIDTH / 2 ? "reduced to the pixel columns" : "no reduction";
            CurveOptions options = CurveOptions.defaults().withPixelColumns(columns);
            double[] build = new double[rounds];
            double[] draw = new double[rounds];
            for (int r = -2; r < rounds; r++) { // two warm-up rounds
                long t0 = System.nanoTime();
                JFreeChart chart = CurveCharts.loss(curves, List.of(), palette, options);
                long t1 = System.nanoTime();
                ChartImages.render(chart, WIDTH, HEIGHT, 1.0);
                long t2 = System.nanoTime();
                if (r >= 0) {
                    build[r] = (t1 - t0) / 1e6;
                    draw[r] = (t2 - t1) / 1e6;
                }
            }
            System.out.printf("  %-30s build median %8.1f ms, draw median %8.1f ms (%d rounds)%n", label,
                    median(build), median(draw), rounds);
        }
    }

    private static List<Curve> curves(List<String> arms, int points) {
        Random rnd = new Random(1);
        List<Curve> out = new ArrayList<>();
        for (String arm : arms) {
            for (String metric : List.of(Metrics.TRAIN_LOSS, Metrics.VAL_LOSS)) {
                double[] s = new double[points];
                double[] v = new double[points];
                for (int i = 0; i < points; i++) {
                    s[i] = i;
                    v[i] = 2.3 * Math.exp(-i / (points / 5.0)) + 0.1 + 0.1 * rnd.nextGaussian();
                }
                out.add(new Curve(arm, metric, s, v));
            }
        }
        return out;
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
