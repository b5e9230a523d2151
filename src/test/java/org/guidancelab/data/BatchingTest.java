package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchingTest {

    private static int[] epoch(BatchOrder order, long epoch) {
        int[] seen = new int[order.size()];
        int[] buf = new int[order.batchSize()];
        int at = 0;
        for (int b = 0; b < order.stepsPerEpoch(); b++) {
            int len = order.indices(epoch * order.stepsPerEpoch() + b, buf);
            System.arraycopy(buf, 0, seen, at, len);
            at += len;
        }
        return Arrays.copyOf(seen, at);
    }

    @Test
    void everyEpochCoversEveryExampleOnce() {
        BatchOrder order = new BatchOrder(103, 10, false, 5);
        assertEquals(11, order.stepsPerEpoch());
        assertEquals(3, order.batchLength(10));
        for (int e = 0; e < 3; e++) {
            int[] seen = epoch(order, e);
            assertEquals(103, seen.length);
            int[] sorted = seen.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < 103; i++) {
                assertEquals(i, sorted[i]);
            }
        }
    }

    @Test
    void epochsReshuffleDeterministically() {
        BatchOrder a = new BatchOrder(64, 8, false, 1);
        BatchOrder b = new BatchOrder(64, 8, false, 1);
        BatchOrder other = new BatchOrder(64, 8, false, 2);
        int[] a0 = epoch(a, 0);
        int[] a1 = epoch(a, 1);
        assertFalse(Arrays.equals(a0, a1), "epochs must reshuffle");
        assertArrayEquals(a0, epoch(b, 0));
        assertArrayEquals(a1, epoch(b, 1));
        assertFalse(Arrays.equals(a0, epoch(other, 0)));
    }

    @Test
    void randomAccessToAStepMatchesSequentialOrder() {
        // A resumed run (or another arm) asking for step 37 first gets what a sequential run saw at step 37.
        BatchOrder sequential = new BatchOrder(50, 7, false, 9);
        int[] expected = new int[7];
        int[] buf = new int[7];
        for (long s = 0; s <= 37; s++) {
            sequential.indices(s, expected);
        }
        BatchOrder fresh = new BatchOrder(50, 7, false, 9);
        fresh.indices(3, buf);
        int len = fresh.indices(37, buf);
        assertArrayEquals(Arrays.copyOf(expected, len), Arrays.copyOf(buf, len));
    }

    @Test
    void dropLastGivesOnlyFullBatches() {
        BatchOrder order = new BatchOrder(103, 10, true, 5);
        assertEquals(10, order.stepsPerEpoch());
        int[] seen = epoch(order, 0);
        assertEquals(100, seen.length);
        assertEquals(100, Arrays.stream(seen).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> new BatchOrder(5, 10, true, 0));
    }

    @Test
    void probeBatchIsFixedAndDrawnFromValidation() {
        TaskData d = PlaneSets.generate(PlaneSets.Settings.defaults(PlaneSets.Kind.BLOBS));
        ProbeBatch a = ProbeBatch.draw(d, 64, 3);
        ProbeBatch b = ProbeBatch.draw(d, 64, 3);
        ProbeBatch c = ProbeBatch.draw(d, 64, 4);
        assertEquals("validation", a.source());
        assertEquals(64, a.size());
        assertArrayEquals(a.indices(), b.indices());
        assertArrayEquals(a.x(), b.x());
        assertFalse(Arrays.equals(a.indices(), c.indices()));
        assertEquals(64, Arrays.stream(a.indices()).distinct().count());
        for (int i = 0; i < 64; i++) {
            int src = a.indices()[i];
            assertEquals(d.validation().x()[2 * src], a.x()[2 * i], 0f);
            assertEquals(d.validation().y()[src], a.y()[i]);
        }
        assertEquals(d.validation().size(), ProbeBatch.draw(d, 10_000, 3).size(), "capped at what exists");
    }

    @Test
    void probeFallsBackToTestWhenThereIsNoValidation() {
        TaskData d = PlaneSets.generate(new PlaneSets.Settings(PlaneSets.Kind.XOR, 20, 0, 12, 0, 2, 0, 0, 0));
        ProbeBatch p = ProbeBatch.draw(d, 8, 0);
        assertEquals("test", p.source());
        assertEquals(8, p.size());
    }

    @Test
    void gaussianNoiseIsPerStepDeterministicWithUnitMoments() {
        TaskData d = ShapesGenerator.generate(new ShapesGenerator.Settings(10, 0, 0, 0, false, 0.1, 25, 0.16, 0.3));
        NoiseSource noise = new NoiseSource(d, 7);
        int n = 32;
        float[] a = new float[n * 784];
        float[] b = new float[n * 784];
        noise.fill(5, a, n);
        noise.fill(6, b, n);
        assertFalse(Arrays.equals(a, b));
        new NoiseSource(d, 7).fill(5, b, n);
        assertArrayEquals(a, b);
        double sum = 0;
        double sumSq = 0;
        for (float v : a) {
            sum += v;
            sumSq += v * v;
        }
        assertEquals(0.0, sum / a.length, 0.02);
        assertEquals(1.0, sumSq / a.length, 0.03);
    }

    @Test
    void tokenNoiseIsUniformOverTheVocabulary() {
        TaskData d = CopyTask.generate(CopyTask.Settings.defaults());
        NoiseSource noise = new NoiseSource(d, 1);
        float[] out = new float[200 * 21];
        noise.fill(0, out, 200);
        int[] counts = new int[CopyTask.VOCAB];
        for (float v : out) {
            assertEquals(Math.rint(v), v, 0f);
            counts[(int) v]++;
        }
        for (int c : counts) {
            assertTrue(c > 250 && c < 450, "token count " + c + " of 4200 / 12 = 350 expected");
        }
    }
}
