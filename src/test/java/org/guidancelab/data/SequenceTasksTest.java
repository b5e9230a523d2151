package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SequenceTasksTest {

    @Test
    void copyExampleMatchesTheDefinitionByHand() {
        int[][] ex = CopyTask.example(new int[] {4, 7, 1}, 9);
        assertArrayEquals(new int[] {4, 7, 1, 10, 4, 7, 1, 11, 11}, ex[0]);
        assertArrayEquals(new int[] {-1, -1, -1, 4, 7, 1, -1, -1, -1}, ex[1]);
    }

    @Test
    void copyOfOneDigitAtFullLength() {
        int[][] ex = CopyTask.example(new int[] {9}, 3);
        assertArrayEquals(new int[] {9, 10, 9}, ex[0]);
        assertArrayEquals(new int[] {-1, 9, -1}, ex[1]);
    }

    @Test
    void generatedCopyExamplesFollowTheDefinition() {
        TaskData d = CopyTask.generate(new CopyTask.Settings(300, 20, 20, 3, 2, 6, 13));
        assertArrayEquals(new int[] {13}, d.inputShape());
        assertTrue(d.tokens());
        assertEquals(12, d.vocabSize());
        assertEquals(10, d.classes());
        assertEquals(13, d.labelsPerExample());
        int[] lengthCounts = new int[7];
        for (int e = 0; e < 300; e++) {
            int[] x = new int[13];
            for (int p = 0; p < 13; p++) {
                x[p] = (int) d.train().x()[e * 13 + p];
            }
            int len = -1;
            for (int p = 0; p < 13; p++) {
                if (x[p] == CopyTask.COPY) {
                    len = p;
                    break;
                }
            }
            assertTrue(len >= 2 && len <= 6, "copy token at " + len);
            lengthCounts[len]++;
            int[] digits = Arrays.copyOf(x, len);
            int[][] expected = CopyTask.example(digits, 13);
            assertArrayEquals(expected[0], x, "example " + e);
            assertArrayEquals(expected[1], Arrays.copyOfRange(d.train().y(), e * 13, e * 13 + 13), "labels " + e);
        }
        for (int len = 2; len <= 6; len++) {
            assertTrue(lengthCounts[len] > 30, "length " + len + " drawn " + lengthCounts[len] + " times");
        }
    }

    @Test
    void copyIsDeterministicPerSeed() {
        CopyTask.Settings s = new CopyTask.Settings(50, 5, 5, 42, 2, 10, 21);
        TaskData a = CopyTask.generate(s);
        TaskData b = CopyTask.generate(s);
        TaskData c = CopyTask.generate(new CopyTask.Settings(50, 5, 5, 43, 2, 10, 21));
        assertArrayEquals(a.train().x(), b.train().x());
        assertArrayEquals(a.validation().y(), b.validation().y());
        assertFalse(Arrays.equals(a.train().x(), c.train().x()));
    }

    @Test
    void copyRejectsATotalLengthThatCannotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CopyTask.Settings(1, 1, 1, 0, 2, 10, 20));
        assertTrue(e.getMessage().contains("2 * maxLength + 1 = 21"), e.getMessage());
    }

    @Test
    void parityEncodesAKnownExampleOnEitherSide() {
        // One example of length 2..2 with T = 5: the bits are whatever the seed draws, the layout is fixed.
        TaskData right = ParityTask.generate(new ParityTask.Settings(1, 0, 0, 9, 2, 2, 5, ParityTask.Pad.RIGHT));
        TaskData left = ParityTask.generate(new ParityTask.Settings(1, 0, 0, 9, 2, 2, 5, ParityTask.Pad.LEFT));
        float[] r = right.train().x();
        float[] l = left.train().x();
        assertArrayEquals(new float[] {r[0], r[1], 2, 2, 2}, r);
        assertArrayEquals(new float[] {2, 2, 2, r[0], r[1]}, l);
        assertEquals(((int) r[0] + (int) r[1]) & 1, left.train().y()[0]);
        assertEquals(right.train().y()[0], left.train().y()[0]);
    }

    @Test
    void parityLabelsAreTheParityOfTheBits() {
        TaskData d = ParityTask.generate(new ParityTask.Settings(400, 40, 40, 5, 1, 12, 14));
        assertArrayEquals(new int[] {14}, d.inputShape());
        assertEquals(3, d.vocabSize());
        assertEquals(2, d.classes());
        assertEquals(1, d.labelsPerExample());
        int ones = 0;
        for (int e = 0; e < 400; e++) {
            assertEquals(ParityTask.parityOf(d.train().x(), e * 14, 14), d.train().y()[e], "example " + e);
            ones += d.train().y()[e];
            // bits first, then only padding
            boolean padded = false;
            for (int p = 0; p < 14; p++) {
                float t = d.train().x()[e * 14 + p];
                if (t == ParityTask.PAD) {
                    padded = true;
                } else {
                    assertFalse(padded, "bit after padding in example " + e);
                    assertTrue(t == 0f || t == 1f);
                }
            }
            assertTrue(d.train().x()[e * 14 + 12] == ParityTask.PAD, "length exceeds maxLength");
        }
        assertEquals(200, ones, "labels exactly balanced");
    }

    @Test
    void parityOfHandCheckedRows() {
        float[] x = {1, 0, 1, 1, 2, 2, /* */ 0, 0, 2, 2, 2, 2, /* */ 1, 2, 2, 2, 2, 2};
        assertEquals(1, ParityTask.parityOf(x, 0, 6));
        assertEquals(0, ParityTask.parityOf(x, 6, 6));
        assertEquals(1, ParityTask.parityOf(x, 12, 6));
    }

    @Test
    void parityIsDeterministicPerSeed() {
        ParityTask.Settings s = ParityTask.Settings.defaults();
        assertArrayEquals(ParityTask.generate(s).train().x(), ParityTask.generate(s).train().x());
    }
}
