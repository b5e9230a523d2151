package org.guidancelab.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.guidancelab.engine.train.Metrics;

/**
 * A made-up but realistic run for rendering tests: a deep FCN that overfits alone, the same FCN guided by an
 * untrained CNN, and a warmup arm whose guide is disconnected at step 150.
 */
final class SyntheticRun {
    static final List<String> ARMS = List.of("unguided", "guided (untrained CNN)", "warmup 150");
    static final List<String> TARGET_TAPS = List.of("fc1", "fc2", "fc3", "fc4", "fc5", "fc6");
    static final List<String> GUIDE_TAPS = List.of("conv1", "conv2", "conv3", "pool");
    static final int STEPS = 600;

    private SyntheticRun() {
    }

    static RunFigureData run(String name) {
        Random rnd = new Random(7);
        List<Curve> curves = new ArrayList<>();
        for (int a = 0; a < ARMS.size(); a++) {
            String arm = ARMS.get(a);
            double overfit = a == 0 ? 1.0 : a == 2 ? 0.25 : 0.1;
            curves.add(curve(arm, Metrics.TRAIN_LOSS, 1, STEPS, 1, s -> 2.3 * Math.exp(-s / 120.0) + 0.05, 0.12, rnd));
            curves.add(curve(arm, Metrics.VAL_LOSS, 20, STEPS, 20,
                    s -> 2.3 * Math.exp(-s / 150.0) + 0.4 + overfit * 3.0 * Math.max(0, s - 150) / STEPS, 0.03, rnd));
            curves.add(curve(arm, Metrics.TRAIN_ACCURACY, 1, STEPS, 1, s -> 1 - 0.9 * Math.exp(-s / 100.0), 0.04, rnd));
            curves.add(curve(arm, Metrics.VAL_ACCURACY, 20, STEPS, 20,
                    s -> 0.75 - 0.65 * Math.exp(-s / 100.0) - overfit * 0.2 * s / STEPS, 0.01, rnd));
            if (a > 0) {
                int end = a == 2 ? 150 : STEPS;
                curves.add(curve(arm, Metrics.GUIDANCE_LOSS, 1, end, 1, s -> 4 * (0.3 + 0.6 * Math.exp(-s / 60.0)),
                        0.08, rnd));
                for (int p = 0; p < GUIDE_TAPS.size(); p++) {
                    double target = 0.9 - 0.1 * p;
                    curves.add(curve(arm, Metrics.ckaPair(p), 1, end, 1,
                            s -> target - (target - 0.35) * Math.exp(-s / 50.0), 0.02, rnd));
                }
            }
        }
        Map<String, List<CkaHeatmap>> cka = new LinkedHashMap<>();
        Map<String, List<CkaHeatmap>> self = new LinkedHashMap<>();
        for (int a = 1; a < ARMS.size(); a++) {
            cka.put(ARMS.get(a), List.of(heatmap(0, 0.0, rnd), heatmap(STEPS, 1.0, rnd)));
            self.put(ARMS.get(a), List.of(selfSimilarity(STEPS)));
        }
        return new RunFigureData(name, ARMS, curves, List.of(new GuidanceMarker("warmup 150", 150)), cka, self);
    }

    /** The paper's mapping: guide tap i -> target tap round(i (nT-1)/(nG-1)). */
    static List<int[]> pairs() {
        int nT = TARGET_TAPS.size();
        int nG = GUIDE_TAPS.size();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < nG; i++) {
            pairs.add(new int[] {Math.min((int) Math.round(i * (nT - 1) / (double) (nG - 1)), nT - 1), i});
        }
        return pairs;
    }

    static CkaHeatmap heatmap(int step, double trained, Random rnd) {
        double[][] v = new double[TARGET_TAPS.size()][GUIDE_TAPS.size()];
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[r].length; c++) {
                double near = 1.0 - Math.abs(r / 5.0 - c / 3.0);
                v[r][c] = Math.min(1.0, 0.2 + 0.3 * near + trained * 0.4 * near + 0.05 * rnd.nextDouble());
            }
        }
        return new CkaHeatmap("Target", TARGET_TAPS, "Guide", GUIDE_TAPS, v, pairs(), step);
    }

    static CkaHeatmap selfSimilarity(int step) {
        int n = TARGET_TAPS.size();
        double[][] v = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                v[r][c] = Math.exp(-Math.abs(r - c) / 3.0);
            }
        }
        return CkaHeatmap.selfSimilarity("Target", TARGET_TAPS, v, step);
    }

    static Curve curve(String arm, String metric, int from, int to, int every,
                       java.util.function.DoubleUnaryOperator f, double noise, Random rnd) {
        int n = (to - from) / every + 1;
        double[] steps = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = from + (double) i * every;
            values[i] = f.applyAsDouble(steps[i]) + noise * rnd.nextGaussian();
        }
        return new Curve(arm, metric, steps, values);
    }
}
