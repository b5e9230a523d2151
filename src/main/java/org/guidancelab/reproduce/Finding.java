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
 * @param curveSweep  a sweep the finding also runs, a curve over its one axis (the warmup curve), as a file of the
 *                    catalog ({@code sweeps/warmup-curve.json}); null for none
 * @param gridSweep   a grid the finding also explores, over the guidance weight {@code alpha} and other settings,
 *                    reported but not counted ({@code sweeps/wide-fcn-grid.json}); null for none
 */
public record Finding(String id, String preset, String claim, String paperResult, String criterionText,
                      Criterion criterion, ArmRole guidedRole, String curveSweep, String gridSweep) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(criterion, "criterion");
    }

    public Finding(String id, String preset, String claim, String paperResult, String criterionText,
                   Criterion criterion, ArmRole guidedRole) {
        this(id, preset, claim, paperResult, criterionText, criterion, guidedRole, null, null);
    }
}
