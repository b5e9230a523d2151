package org.guidancelab.experiment;

import java.util.Locale;

public enum OptimizerKind {
    ADAM, ADAMW, SGD;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OptimizerKind parse(String s) {
        for (OptimizerKind k : values()) {
            if (k.jsonName().equalsIgnoreCase(s)) {
                return k;
            }
        }
        return null;
    }
}
