package org.guidancelab.reproduce;

import java.util.List;

/** A finding's verdict from its checks: all counted checks hold, the first holds but not all, or the first fails. */
public enum Verdict {
    REPRODUCED("reproduced"),
    PARTLY_REPRODUCED("partly reproduced"),
    NOT_REPRODUCED("not reproduced"),
    NOT_RUN("not run");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Verdict of(List<Check> checks) {
        List<Check> counted = checks.stream().filter(Check::counted).toList();
        if (counted.isEmpty()) {
            return NOT_RUN;
        }
        if (counted.stream().allMatch(Check::pass)) {
            return REPRODUCED;
        }
        return counted.get(0).pass() ? PARTLY_REPRODUCED : NOT_REPRODUCED;
    }
}
