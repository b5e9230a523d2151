package org.guidancelab.bench;

import java.util.SplittableRandom;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;

/**
 * The benchmark's data, built like the peer's: 20 fixed batches (cycled by the trainer's epoch order), inputs
 * {@code 2 * N(0,1) + 0.12 * centroid[y]} for the image workloads, uniform tokens 1..11 with the next token
 * (cyclically shifted) as the label for the sequence workloads.
 */
final class BenchData {
    static final int BATCHES = 20;

    private BenchData() {
    }

    static TaskData of(Workload w, long seed) {
        int n = BATCHES * w.batch();
        SplittableRandom r = new SplittableRandom(seed);
        if (w.tokens()) {
            int t = Workload.SEQ;
            float[] x = new float[n * t];
            int[] y = new int[n * t];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < t; j++) {
                    x[i * t + j] = 1 + r.nextInt(Workload.VOCAB - 1);
                }
                for (int j = 0; j < t; j++) {
                    y[i * t + j] = (int) x[i * t + (j + 1) % t];
                }
            }
            Split s = new Split(n, x, y);
            return new TaskData("bench " + w, new int[] {t}, true, Workload.VOCAB, Workload.VOCAB, t, s, s, s);
        }
        int d = 784;
        float[][] centroids = new float[10][d];
        for (float[] c : centroids) {
            for (int k = 0; k < d; k++) {
                c[k] = (float) gaussian(r);
            }
        }
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(10);
            for (int k = 0; k < d; k++) {
                x[i * d + k] = (float) (2 * gaussian(r) + 0.12 * centroids[y[i]][k]);
            }
        }
        Split s = new Split(n, x, y);
        int[] shape = w == Workload.MLP ? new int[] {d} : new int[] {1, 28, 28};
        return new TaskData("bench " + w, shape, false, 0, 10, 1, s, s, s);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
