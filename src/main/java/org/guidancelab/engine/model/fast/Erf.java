package org.guidancelab.engine.model.fast;

/**
 * The error function to double precision, for exact GELU (x Phi(x), PyTorch's default and the SameDiff reference's):
 * its Taylor series below |x| = 2, a continued fraction for erfc above (both converge fast there).
 */
final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Erf() {
    }

    static double erf(double x) {
        double a = Math.abs(x);
        double v;
        if (a < 2) {
            double term = a;
            double sum = a;
            double x2 = a * a;
            for (int n = 1; n < 60; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            v = TWO_OVER_SQRT_PI * sum;
        } else if (a > 6) {
            v = 1.0;
        } else {
            // erfc(a) = exp(-a^2)/sqrt(pi) / (a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + ...))))), evaluated from the tail.
            double t = a;
            for (int k = 80; k >= 1; k--) {
                t = a + (k / 2.0) / t;
            }
            v = 1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / t;
        }
        return x < 0 ? -v : v;
    }
}
