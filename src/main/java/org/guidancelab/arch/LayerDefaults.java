package org.guidancelab.arch;

import java.util.EnumSet;
import java.util.Set;

/**
 * Defaults a layer gets when a file or the palette leaves them out. Taps: the outputs of
 * Dense, Conv2D, recurrent and Transformer blocks, residual blocks and pooling heads are tapped; the logits,
 * inputs and shape/normalisation plumbing are not. Layers inside a residual block are never tapped by default
 * (the block is tapped as a whole).
 */
public final class LayerDefaults {
    private static final Set<LayerType> TAPPED = EnumSet.of(LayerType.DENSE, LayerType.CONV2D, LayerType.SIMPLE_RNN,
            LayerType.LSTM, LayerType.TRANSFORMER_BLOCK, LayerType.RESIDUAL, LayerType.GLOBAL_AVG_POOL,
            LayerType.SEQUENCE_POOL);

    public static final boolean BIAS = true;
    public static final int STRIDE = 1;
    public static final int PADDING = 0;
    public static final ActivationFn ACTIVATION = ActivationFn.IDENTITY;
    public static final double BN_MOMENTUM = 0.1;
    public static final double NORM_EPSILON = 1e-5;
    public static final double TRANSFORMER_DROPOUT = 0.0;
    /** TransformerBlock's ffWidth when omitted: this many times dModel. */
    public static final int FF_MULTIPLIER = 4;

    private LayerDefaults() {
    }

    /** Whether a layer of this type is tapped by default, at the top level of a network. */
    public static boolean tap(LayerType type) {
        return TAPPED.contains(type);
    }

    /** The default tap of a layer of {@code type}, at the top level or inside a residual block. */
    public static boolean tap(LayerType type, boolean insideBlock) {
        return !insideBlock && tap(type);
    }
}
