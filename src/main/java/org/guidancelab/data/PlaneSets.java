package org.guidancelab.data;

/**
 * Two-dimensional teaching sets (input shape [2], coordinates of order 1, not standardised so that scatter plots
 * show the raw geometry). Labels are exactly balanced per split; each split has its own seeded stream.
 * <ul>
 *   <li>spirals: two interleaved spirals; a point at fraction {@code u} (uniform in [0,1]) along arm {@code c}
 *       sits at radius {@code u} and angle {@code 2 pi turns u + pi c}, plus Gaussian noise of std {@code noise};</li>
 *   <li>blobs: {@code classes} isotropic Gaussian blobs of std {@code spread}, centres evenly spaced on a circle
 *       of radius 2 (rotated by a seeded angle);</li>
 *   <li>xor: points uniform in [-1,1]^2, label 1 when x and y have opposite signs, then Gaussian noise of std
 *       {@code noise} added to the coordinates (labels follow the clean point).</li>
 * </ul>
 */
public final class PlaneSets {
    public enum Kind { SPIRALS, BLOBS, XOR }

    public record Settings(Kind kind, int train, int validation, int test, long seed, int classes, double noise,
                           double turns, double spread) {
        public Settings {
            if (kind != Kind.BLOBS && classes != 2) {
                throw new IllegalArgumentException(kind + " has exactly 2 classes");
            }
            if (classes < 2) {
                throw new IllegalArgumentException("need at least 2 classes");
            }
        }

        public static Settings defaults(Kind kind) {
            return switch (kind) {
                case SPIRALS -> new Settings(kind, 500, 500, 500, 0L, 2, 0.03, 1.5, 0);
                case BLOBS -> new Settings(kind, 500, 500, 500, 0L, 3, 0, 0, 0.5);
                case XOR -> new Settings(kind, 500, 500, 500, 0L, 2, 0.0, 0, 0);
            };
        }
    }

    private PlaneSets() {
    }

    public static TaskData generate(Settings s) {
        double offset = new SeededRandom(SeededRandom.derive(s.seed(), 99)).uniform(0, 2 * StrictMath.PI);
        Split train = split(s, s.train(), SeededRandom.derive(s.seed(), 0), offset);
        Split validation = split(s, s.validation(), SeededRandom.derive(s.seed(), 1), offset);
        Split test = split(s, s.test(), SeededRandom.derive(s.seed(), 2), offset);
        String name = s.kind().name().toLowerCase(java.util.Locale.ROOT)
                + (s.kind() == Kind.BLOBS ? " (" + s.classes() + " classes)" : "");
        return new TaskData(name, new int[] {2}, false, 0, s.classes(), 1, train, validation, test);
    }

    private static Split split(Settings s, int n, long seed, double blobAngle) {
        SeededRandom rng = new SeededRandom(seed);
        int[] y = BalancedLabels.draw(n, s.classes(), rng);
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double px;
            double py;
            switch (s.kind()) {
                case SPIRALS -> {
                    double u = rng.nextDouble();
                    double a = 2 * StrictMath.PI * s.turns() * u + StrictMath.PI * y[i];
                    px = u * StrictMath.cos(a) + s.noise() * rng.nextGaussian();
                    py = u * StrictMath.sin(a) + s.noise() * rng.nextGaussian();
                }
                case BLOBS -> {
                    double a = blobAngle + 2 * StrictMath.PI * y[i] / s.classes();
                    px = 2 * StrictMath.cos(a) + s.spread() * rng.nextGaussian();
                    py = 2 * StrictMath.sin(a) + s.spread() * rng.nextGaussian();
                }
                case XOR -> {
                    // Draw the quadrant from the label, then a point in it: balanced by construction.
                    boolean xPositive = rng.nextBoolean();
                    boolean yPositive = (y[i] == 1) != xPositive;
                    double ax = rng.nextDouble();
                    double ay = rng.nextDouble();
                    px = (xPositive ? ax : -ax) + s.noise() * rng.nextGaussian();
                    py = (yPositive ? ay : -ay) + s.noise() * rng.nextGaussian();
                }
                default -> throw new IllegalStateException(s.kind().toString());
            }
            x[2 * i] = (float) px;
            x[2 * i + 1] = (float) py;
        }
        return new Split(n, x, y);
    }
}
