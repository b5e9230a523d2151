package org.guidancelab.sweep;

import java.util.Locale;

/** Where a cell of a sweep stands (status.json and summary.csv write the lower-case name). */
public enum CellStatus {
    /** Not started (or selected out with --only). */
    PENDING,
    RUNNING,
    /** Trained to the end; its folder is cells/ID. */
    FINISHED,
    /** Stopped between steps (Ctrl-C); the next run of the sweep continues it. */
    STOPPED,
    /** An arm failed (NaN, a bad dataset) or the folder could not be written; the next run trains it again. */
    FAILED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CellStatus parse(String s) {
        for (CellStatus c : values()) {
            if (c.jsonName().equalsIgnoreCase(s.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown cell status '" + s + "'");
    }
}
