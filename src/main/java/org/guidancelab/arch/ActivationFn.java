package org.guidancelab.arch;

import java.util.Locale;

/** Elementwise non-linearities a layer may apply. */
public enum ActivationFn {
    IDENTITY, RELU, TANH, GELU, SIGMOID;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code relu}, {@code tanh}, ... (case-insensitive); null when unknown. */
    public static ActivationFn parse(String s) {
        if (s == null) {
            return null;
        }
        for (ActivationFn f : values()) {
            if (f.jsonName().equalsIgnoreCase(s.trim()) || (f == IDENTITY && s.trim().equalsIgnoreCase("linear"))) {
                return f;
            }
        }
        return null;
    }
}
