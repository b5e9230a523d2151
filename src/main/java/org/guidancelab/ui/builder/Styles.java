package org.guidancelab.ui.builder;

import org.guidancelab.arch.LayerType;

/** CSS class names used by the views (the stylesheet is {@code guidancelab.css} next to this class). */
public final class Styles {
    public static final String STYLESHEET = "/org/guidancelab/ui/guidancelab.css";

    public static final String BLOCK = "gl-block";
    public static final String BLOCK_SELECTED = "gl-block-selected";
    public static final String BLOCK_ERROR = "gl-block-error";
    public static final String BLOCK_STRIP = "gl-block-strip";
    public static final String BLOCK_TYPE = "gl-block-type";
    public static final String BLOCK_NAME = "gl-block-name";
    public static final String BLOCK_DETAIL = "gl-block-detail";
    public static final String BLOCK_SHAPE = "gl-block-shape";
    public static final String TAP = "gl-tap";
    public static final String TAP_ON = "gl-tap-on";
    public static final String TAP_DROP = "gl-tap-drop";
    public static final String LANE = "gl-lane";
    public static final String LANE_HEADER = "gl-lane-header";
    public static final String LANE_DROP = "gl-lane-drop";
    public static final String LANE_TITLE = "gl-lane-title";
    public static final String INSERT_MARKER = "gl-insert-marker";
    public static final String PAIR_LINE = "gl-pair-line";
    public static final String PAIR_LINE_SELECTED = "gl-pair-line-selected";
    public static final String PAIR_HANDLE = "gl-pair-handle";
    public static final String CANVAS = "gl-canvas";
    public static final String SIDE = "gl-side";
    public static final String SECTION_TITLE = "gl-section-title";
    public static final String PALETTE_ITEM = "gl-palette-item";
    public static final String CARD = "gl-card";
    public static final String CARD_TITLE = "gl-card-title";
    public static final String CARD_TEXT = "gl-card-text";
    public static final String ERROR_TEXT = "gl-error-text";
    public static final String HINT_TEXT = "gl-hint-text";
    public static final String STATUS_BAR = "gl-status-bar";
    public static final String RUN_BUTTON = "gl-run-button";
    public static final String PROBLEMS = "gl-problems";

    private Styles() {
    }

    /** The colour family of a layer type ("gl-kind-conv"), so blocks of one kind read alike. */
    public static String kindClass(LayerType t) {
        switch (t) {
            case INPUT: case OUTPUT: return "gl-kind-io";
            case DENSE: return "gl-kind-dense";
            case CONV2D: case RESIDUAL: return "gl-kind-conv";
            case MAX_POOL_2D: case AVG_POOL_2D: case GLOBAL_AVG_POOL: case SEQUENCE_POOL: return "gl-kind-pool";
            case BATCH_NORM: case LAYER_NORM: case DROPOUT: case ACTIVATION: return "gl-kind-norm";
            case FLATTEN: case RESHAPE: return "gl-kind-shape";
            case EMBEDDING: case POSITIONAL_EMBEDDING: return "gl-kind-embed";
            default: return "gl-kind-seq";
        }
    }
}
