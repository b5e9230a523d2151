package org.guidancelab.ui.builder;

import org.guidancelab.arch.LayerType;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** A Material icon per layer type, shown on palette entries and blocks. */
public final class LayerIcons {
    private LayerIcons() {
    }

    public static FontIcon icon(LayerType type, int size) {
        FontIcon i = new FontIcon(ikon(type));
        i.setIconSize(size);
        return i;
    }

    static Ikon ikon(LayerType type) {
        switch (type) {
            case INPUT: return Material2AL.INPUT;
            case DENSE: return Material2AL.DEVICE_HUB;
            case CONV2D: return Material2AL.GRID_ON;
            case MAX_POOL_2D: return Material2AL.FILTER_CENTER_FOCUS;
            case AVG_POOL_2D: return Material2AL.BLUR_ON;
            case GLOBAL_AVG_POOL: return Material2AL.CENTER_FOCUS_STRONG;
            case FLATTEN: return Material2MZ.VIEW_WEEK;
            case RESHAPE: return Material2AL.ASPECT_RATIO;
            case BATCH_NORM: return Material2AL.EQUALIZER;
            case LAYER_NORM: return Material2AL.LINEAR_SCALE;
            case DROPOUT: return Material2AL.GRAIN;
            case ACTIVATION: return Material2AL.FUNCTIONS;
            case RESIDUAL: return Material2AL.CALL_MERGE;
            case EMBEDDING: return Material2MZ.TEXT_FIELDS;
            case POSITIONAL_EMBEDDING: return Material2AL.FORMAT_LIST_NUMBERED;
            case SIMPLE_RNN: return Material2MZ.REPEAT;
            case LSTM: return Material2MZ.REPEAT_ONE;
            case TRANSFORMER_BLOCK: return Material2AL.CENTER_FOCUS_WEAK;
            case SEQUENCE_POOL: return Material2MZ.SHORT_TEXT;
            case OUTPUT: return Material2AL.LABEL;
            default: return Material2AL.LAYERS;
        }
    }
}
