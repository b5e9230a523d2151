package org.guidancelab.data;

import java.util.Arrays;

/**
 * A fixed batch for analysis (the CKA heatmaps): {@code size} examples drawn without replacement from the
 * validation split by a seeded permutation, in a stable order. The same data, size and seed always give the same
 * probe, so heatmaps of different arms and different runs compare the same examples. Falls back to the test split
 * and then the training split when validation is empty; the size is capped at the examples available.
 *
 * @param source  which split the examples came from ("validation", "test" or "train")
 * @param indices their indices in that split, ascending
 */
public record ProbeBatch(String source, int[] indices, float[] x, int[] y) {

    public static ProbeBatch draw(TaskData data, int size, long seed) {
        if (size <= 0) {
            throw new IllegalArgumentException("probe size must be positive, got " + size);
        }
        String source = "validation";
        Split split = data.validation();
        if (split.size() == 0) {
            source = "test";
            split = data.test();
        }
        if (split.size() == 0) {
            source = "train";
            split = data.train();
        }
        int n = Math.min(size, split.size());
        int[] picked = Arrays.copyOf(new SeededRandom(SeededRandom.derive(seed, 31)).permutation(split.size()), n);
        Arrays.sort(picked);
        Split s = Splits.select(split, picked, 0, n, data.inputSize(), data.labelsPerExample());
        return new ProbeBatch(source, picked, s.x(), s.y());
    }

    public int size() {
        return indices.length;
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }
}
