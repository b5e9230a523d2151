package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetFactoryTest {

    private static String failure(String name, Map<String, Object> params) {
        return assertThrows(DataFormatException.class, () -> DatasetFactory.create(name, params)).getMessage();
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        String m = failure("mnist", Map.of());
        assertTrue(m.startsWith("unknown dataset 'mnist'; known datasets: shapes, shapes-colour, copy, parity, "
                + "spirals, blobs, xor, mnist-idx, fashion-idx, cifar10, csv"), m);
    }

    @Test
    void unknownParameterIsNamedWithTheKnownOnes() {
        String m = failure("shapes", Map.of("trian", 500));
        assertTrue(m.contains("dataset 'shapes': unknown parameter 'trian'; known parameters: train, validation"), m);
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("dataset 'copy': parameter 'train' = -3 must be between 0 and 500000",
                failure("copy", Map.of("train", -3)));
        assertEquals("dataset 'parity': parameter 'maxLength' = 2.5 must be a whole number",
                failure("parity", Map.of("maxLength", 2.5)));
        assertEquals("dataset 'shapes': parameter 'colour' = \"yes\" must be true or false",
                failure("shapes", Map.of("colour", "yes")));
        assertEquals("dataset 'csv': parameter 'path' is required", failure("csv", Map.of()));
        assertEquals("dataset 'parity': parameter 'pad' = \"middle\" must be \"right\" or \"left\"",
                failure("parity", Map.of("pad", "middle")));
        assertTrue(failure("copy", Map.of("maxLength", 8, "length", 10)).contains("totalLength 10 < 2 * maxLength + 1"));
        assertTrue(failure("mnist-idx", Map.of()).contains("give 'path'"));
    }

    @Test
    void everyGeneratorBuildsWithSizesFromTheMap() throws Exception {
        for (String name : List.of("shapes", "shapes-colour", "copy", "parity", "spirals", "blobs", "xor")) {
            TaskData d = DatasetFactory.create(name, Map.of("train", 20, "validation", 10, "test", 5, "seed", 3L));
            assertEquals(20, d.train().size(), name);
            assertEquals(10, d.validation().size(), name);
            assertEquals(5, d.test().size(), name);
            assertEquals(20 * d.inputSize(), d.train().x().length, name);
            assertEquals(20 * d.labelsPerExample(), d.train().y().length, name);
            for (int y : d.train().y()) {
                assertTrue(y >= -1 && y < d.classes(), name + " label " + y);
            }
        }
    }

    @Test
    void paramsTakeEffect() throws Exception {
        assertArrayEquals(new int[] {3, 32, 32}, DatasetFactory.create("shapes", Map.of("colour", true, "train", 1,
                "validation", 0, "test", 0)).inputShape());
        assertEquals(5, DatasetFactory.create("blobs", Map.of("classes", 5)).classes());
        TaskData copy = DatasetFactory.create("copy", Map.of("maxLength", 4, "train", 3));
        assertArrayEquals(new int[] {9}, copy.inputShape());
        assertArrayEquals(new int[] {30}, DatasetFactory.create("parity", Map.of("length", 30)).inputShape());
        // Seeds keep every bit, also beyond 2^53 and as BigInteger.
        long big = (1L << 60) + 1;
        assertArrayEquals(DatasetFactory.create("xor", Map.of("seed", big)).train().x(),
                DatasetFactory.create("xor", Map.of("seed", java.math.BigInteger.valueOf(big))).train().x());
        assertTrue(!java.util.Arrays.equals(DatasetFactory.create("xor", Map.of("seed", big)).train().x(),
                DatasetFactory.create("xor", Map.of("seed", big - 1)).train().x()));
        // Numbers arriving as JSON doubles or strings are accepted when whole.
        assertEquals(7, DatasetFactory.create("xor", Map.of("train", 7.0)).train().size());
        assertEquals(8, DatasetFactory.create("xor", Map.of("train", "8")).train().size());
    }

    @Test
    void parityPadSideMovesThePaddingAndKeepsBitsAndLabels() throws Exception {
        Map<String, Object> common = Map.of("minLength", 2, "maxLength", 6, "length", 8, "train", 50,
                "validation", 5, "test", 5, "seed", 3);
        TaskData dflt = DatasetFactory.create("parity", common);
        Map<String, Object> right = new java.util.HashMap<>(common);
        right.put("pad", "right");
        Map<String, Object> left = new java.util.HashMap<>(common);
        left.put("pad", "left");
        TaskData r = DatasetFactory.create("parity", right);
        TaskData l = DatasetFactory.create("parity", left);
        // The default is today's right padding, token for token.
        assertArrayEquals(r.train().x(), dflt.train().x());
        assertArrayEquals(r.train().y(), l.train().y());
        float pad = ParityTask.PAD;
        for (int e = 0; e < 50; e++) {
            float[] rowR = java.util.Arrays.copyOfRange(r.train().x(), e * 8, e * 8 + 8);
            float[] rowL = java.util.Arrays.copyOfRange(l.train().x(), e * 8, e * 8 + 8);
            int len = 0;
            while (len < 8 && rowR[len] != pad) {
                len++;
            }
            // Left padding: 8 - len PAD tokens, then the same bits in the same order, ending at the last position.
            float[] expected = new float[8];
            java.util.Arrays.fill(expected, 0, 8 - len, pad);
            System.arraycopy(rowR, 0, expected, 8 - len, len);
            assertArrayEquals(expected, rowL, "example " + e);
            assertEquals(ParityTask.parityOf(rowL, 0, 8), l.train().y()[e], "example " + e);
        }
        assertTrue(l.name().contains("padded left"), l.name());
    }

    @Test
    void theParameterMapsOfThePresetsAreAccepted() throws Exception {
        // The dataset blocks of presets/*.json (copy-paste, parity, the shapes settings), at smaller sizes.
        TaskData copy = DatasetFactory.create("copy", Map.of("minLength", 8, "maxLength", 16, "train", 40,
                "validation", 5, "test", 5, "seed", 1));
        assertArrayEquals(new int[] {33}, copy.inputShape());
        TaskData parity = DatasetFactory.create("parity", Map.of("minLength", 2, "maxLength", 16, "train", 40,
                "validation", 5, "test", 5, "seed", 1));
        assertArrayEquals(new int[] {16}, parity.inputShape());
        TaskData shapes = DatasetFactory.create("shapes", Map.of("train", 50, "validation", 50, "test", 50, "seed", 1));
        assertArrayEquals(new int[] {1, 28, 28}, shapes.inputShape());
    }

    @Test
    void parametersAreDocumentedForEveryName() throws Exception {
        for (String name : DatasetFactory.names()) {
            assertTrue(!DatasetFactory.description(name).isBlank());
            assertTrue(DatasetFactory.parameters(name).stream().anyMatch(p -> p.name().equals("seed")), name);
        }
        DatasetParameter train = DatasetFactory.parameters("shapes").get(0);
        assertEquals("train", train.name());
        assertEquals(1000, train.defaultValue());
    }
}
