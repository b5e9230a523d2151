package org.guidancelab.reproduce;

import java.util.Locale;

/**
 * The contract's comparison of two arms on validation accuracy (fractions 0-1): the margin
 * M(A, B) = max(1 percentage point, sd_A, sd_B), and "A beats B" when mean_A - mean_B > M(A, B).
 */
public final class Comparison {
    /** One percentage point, as a fraction. */
    public static final double POINT = 0.01;

    private Comparison() {
    }

    public static double margin(ArmSummary a, ArmSummary b) {
        return Math.max(POINT, Math.max(a.accuracy().sd(), b.accuracy().sd()));
    }

    public static double gain(ArmSummary a, ArmSummary b) {
        return a.accuracy().mean() - b.accuracy().mean();
    }

    public static boolean beats(ArmSummary a, ArmSummary b) {
        return gain(a, b) > margin(a, b);
    }

    /** "A beats B" with the numbers behind it. */
    public static Check beatsCheck(String label, ArmSummary a, ArmSummary b) {
        // the relation as it stands, so a failed check reads true too ("+0.6 pts <= margin 1.0 pts")
        return Check.counted(label, pointsLine(a, b) + (beats(a, b) ? " > margin " : " <= margin ")
                + points(margin(a, b)), beats(a, b));
    }

    static String pointsLine(ArmSummary a, ArmSummary b) {
        return String.format(Locale.ROOT, "%s %s - %s %s = %s", a.arm(), pct(a.accuracy().mean()), b.arm(),
                pct(b.accuracy().mean()), pts(gain(a, b)));
    }

    static String pct(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** An unsigned difference in points (margins). */
    static String points(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f pts", 100 * fraction);
    }

    static String pts(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%+.1f pts", 100 * fraction)
                .replace("+-", "-");
    }
}
