package org.guidancelab.data;

/**
 * Splits a validation set off a training split for formats that ship none (MNIST, CIFAR-10, CSV): a seeded
 * permutation, the first {@code validation} examples become validation, the next (at most {@code trainLimit}) the
 * training split. The same seed always carves the same examples.
 */
final class ValidationCarver {
    private ValidationCarver() {
    }

    record Carved(Split train, Split validation) {
    }

    static Carved carve(Split full, int validation, int trainLimit, long seed, int inputSize, int labelsPerExample) {
        int n = full.size();
        int v = Math.min(validation, n);
        int t = Math.min(trainLimit, n - v);
        int[] order = new SeededRandom(SeededRandom.derive(seed, 17)).permutation(n);
        Split val = Splits.select(full, order, 0, v, inputSize, labelsPerExample);
        Split train = Splits.select(full, order, v, v + t, inputSize, labelsPerExample);
        return new Carved(train, val);
    }
}
