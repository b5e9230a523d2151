package org.guidancelab.reproduce;

import java.util.Objects;

/**
 * One finding of the paper, shown by one preset.
 *
 * @param id          the finding's id (also the preset's file name without .json)
 * @param preset      the preset file name in the catalog, e.g. {@code deep-fcn.json}
 * @param claim       what the paper found, as the report states it
 * @param paperResult the paper's setting and numbers, as the report quotes them
 * @param criterion   the checks deciding the verdict
 * @param guidedRole  the arm whose CKA heatmap (before/after) the report shows
 */
public record Finding(String id, String preset, String claim, String paperResult, String criterionText,
                      Criterion criterion, ArmRole guidedRole) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(criterion, "criterion");
    }
}
