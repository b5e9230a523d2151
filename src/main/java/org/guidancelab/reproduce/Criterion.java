package org.guidancelab.reproduce;

import java.util.List;
import java.util.Map;

/**
 * A finding's checks over its arms (in preset order). {@code others} holds the other findings' arms by finding id,
 * for checks that compare findings (the wide FCN's gain against the deep FCN's).
 */
@FunctionalInterface
public interface Criterion {
    List<Check> checks(List<ArmSummary> arms, Map<String, List<ArmSummary>> others);

    /** The first arm holding a role, or null. */
    static ArmSummary first(List<ArmSummary> arms, ArmRole role) {
        return arms.stream().filter(a -> a.has(role)).findFirst().orElse(null);
    }

    static List<ArmSummary> all(List<ArmSummary> arms, ArmRole role) {
        return arms.stream().filter(a -> a.has(role)).toList();
    }
}
