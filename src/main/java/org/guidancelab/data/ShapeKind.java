package org.guidancelab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The ten classes of the "shapes" task, each a set of strokes (polylines) in a unit frame [-1, 1]^2 (y down).
 * The classes are chosen to stay distinguishable under the generator's rotations (at most +-25 degrees by default):
 * no pair is a rotated copy of another (so no square/diamond or plus/X pair).
 */
public enum ShapeKind {
    CIRCLE, SQUARE, TRIANGLE, PLUS, RING, BARS, ELL, TEE, STAR, ZIGZAG;

    /** Polylines, each an array of x0,y0,x1,y1,... in the unit frame. */
    List<double[]> strokes() {
        List<double[]> s = new ArrayList<>();
        switch (this) {
            case CIRCLE -> s.add(circle(0.9, 28));
            case SQUARE -> s.add(new double[] {-0.8, -0.8, 0.8, -0.8, 0.8, 0.8, -0.8, 0.8, -0.8, -0.8});
            case TRIANGLE -> s.add(new double[] {0, -0.9, 0.85, 0.75, -0.85, 0.75, 0, -0.9});
            case PLUS -> {
                s.add(new double[] {-0.9, 0, 0.9, 0});
                s.add(new double[] {0, -0.9, 0, 0.9});
            }
            case RING -> {
                s.add(circle(0.95, 28));
                s.add(circle(0.4, 14));
            }
            case BARS -> {
                s.add(new double[] {-0.85, -0.7, 0.85, -0.7});
                s.add(new double[] {-0.85, 0, 0.85, 0});
                s.add(new double[] {-0.85, 0.7, 0.85, 0.7});
            }
            case ELL -> s.add(new double[] {-0.6, -0.9, -0.6, 0.9, 0.7, 0.9});
            case TEE -> {
                s.add(new double[] {-0.85, -0.85, 0.85, -0.85});
                s.add(new double[] {0, -0.85, 0, 0.9});
            }
            case STAR -> s.add(star());
            case ZIGZAG -> s.add(new double[] {-0.9, 0.7, -0.45, -0.7, 0, 0.7, 0.45, -0.7, 0.9, 0.7});
            default -> throw new IllegalStateException(name());
        }
        return s;
    }

    private static double[] circle(double r, int segments) {
        double[] p = new double[2 * (segments + 1)];
        for (int i = 0; i <= segments; i++) {
            double a = 2 * StrictMath.PI * i / segments;
            p[2 * i] = r * StrictMath.cos(a);
            p[2 * i + 1] = r * StrictMath.sin(a);
        }
        return p;
    }

    /** A five-pointed star drawn as the classic single stroke (pentagram). */
    private static double[] star() {
        double[] p = new double[12];
        for (int i = 0; i <= 5; i++) {
            double a = -StrictMath.PI / 2 + (i * 2 % 5) * 2 * StrictMath.PI / 5;
            p[2 * i] = 0.95 * StrictMath.cos(a);
            p[2 * i + 1] = 0.95 * StrictMath.sin(a);
        }
        return p;
    }
}
