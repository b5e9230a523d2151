package org.guidancelab.engine.blas;

import java.util.Locale;

/**
 * Which library runs the float products that skip ND4J: oneDNN's sgemm by default, faster than the bundled
 * OpenBLAS 0.3.19 on every shape of the workloads measured (docs/decisions/0028), or OpenBLAS when oneDNN does not
 * load or {@code -Dguidancelab.sgemm=openblas} asks for it. Chosen once per JVM, at the first product.
 */
public enum SgemmRoute {
    ONEDNN("oneDNN's sgemm"),
    OPENBLAS("OpenBLAS");

    /** {@code -Dguidancelab.sgemm=openblas} keeps float products on OpenBLAS (for comparisons). */
    public static final String PROPERTY = "guidancelab.sgemm";

    private static volatile SgemmRoute chosen;

    private final String label;

    SgemmRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The route of this JVM. */
    public static SgemmRoute chosen() {
        SgemmRoute r = chosen;
        if (r == null) {
            synchronized (SgemmRoute.class) {
                if (chosen == null) {
                    chosen = choose(System.getProperty(PROPERTY), OneDnnSgemm::load);
                }
                r = chosen;
            }
        }
        return r;
    }

    static SgemmRoute choose(String property, java.util.function.BooleanSupplier oneDnnLoads) {
        String v = property == null ? "" : property.trim().toLowerCase(Locale.ROOT);
        if (v.equals("openblas")) {
            return OPENBLAS;
        }
        if (!v.isEmpty() && !v.equals("onednn")) {
            // A tuning knob read at the first product of a run: a typo must not stop it; the bench header shows the route.
            System.err.println(badValue(property));
        }
        return oneDnnLoads.getAsBoolean() ? ONEDNN : OPENBLAS;
    }

    static String badValue(String property) {
        return "warning: -D" + PROPERTY + "=" + property + " ignored: expected onednn or openblas";
    }
}
