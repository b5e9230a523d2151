package org.guidancelab.engine.train;

import java.util.Locale;

/** Where a run stands; written to a run folder's status.json. */
public enum RunStatus {
    RUNNING, FINISHED, STOPPED, FAILED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus parse(String s) {
        for (RunStatus r : values()) {
            if (r.jsonName().equalsIgnoreCase(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + s + "'");
    }
}
