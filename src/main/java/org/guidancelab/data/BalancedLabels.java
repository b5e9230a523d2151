package org.guidancelab.data;

/** Exactly balanced class labels in a seeded random order: {@code i % classes} for i in 0..n-1, shuffled. */
final class BalancedLabels {
    private BalancedLabels() {
    }

    static int[] draw(int n, int classes, SeededRandom rng) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
        }
        rng.shuffle(y);
        return y;
    }
}
