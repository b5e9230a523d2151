package org.guidancelab.engine.train;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.guidancelab.engine.model.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The frozen guide's taps (or, for a distillation teacher, its logits) per training example, kept after the first
 * time an example is seen. The guide is frozen
 * and runs in eval mode, and each example's taps depend on that example alone, so a cached row is the value a new
 * forward would give (to float rounding of the gemm blocking): the guidance loss and gradients are unchanged, and
 * after one epoch the guide's forward pass disappears from the step. Bounded: when all taps of all training examples
 * would exceed {@code maxBytes} the cache stays off and the guide runs every step.
 *
 * <p>Only for guide inputs that are the training examples themselves (not the noise-guide arm's noise), and only
 * for outputs with one row per example (a per-token output turns the cache off).
 */
final class GuideTapCache {
    /** The key under which {@link #logits} keeps the guide's logits. */
    static final String LOGITS = "logits";

    private final Model guide;
    private final Function<Model.Forward, Map<String, INDArray>> outputs;
    private final int examples;
    private final long maxBytes;
    private final Map<String, float[]> rows = new LinkedHashMap<>();
    private final Map<String, Integer> widths = new LinkedHashMap<>();
    private final Map<String, INDArray> batchTaps = new LinkedHashMap<>();
    private final Map<String, float[]> staging = new LinkedHashMap<>();
    private final BitSet filled = new BitSet();
    private boolean disabled;

    GuideTapCache(Model guide, int examples, long maxBytes) {
        this(guide, examples, maxBytes, Model.Forward::taps);
    }

    private GuideTapCache(Model guide, int examples, long maxBytes, Function<Model.Forward, Map<String, INDArray>> outputs) {
        this.guide = guide;
        this.outputs = outputs;
        this.examples = examples;
        this.maxBytes = maxBytes;
        this.disabled = maxBytes <= 0;
    }

    /**
     * A cache of the teacher's logits, for distillation: like the taps, an example's logits depend on that example
     * alone while the teacher is frozen, so after one epoch the teacher's forward pass disappears from the step.
     */
    static GuideTapCache logits(Model teacher, int examples, long maxBytes) {
        return new GuideTapCache(teacher, examples, maxBytes, f -> Map.of(LOGITS, f.logits()));
    }

    /** Whether the cache holds (or will hold) the taps; false once they turned out larger than the bound. */
    boolean active() {
        return !disabled;
    }

    /**
     * The guide's taps for the training examples {@code indices} whose inputs are {@code x}: from the cache when
     * every example is in it, else from a forward pass whose rows are then stored.
     */
    Map<String, INDArray> taps(int[] indices, INDArray x) {
        if (disabled) {
            return outputs.apply(guide.forward(x, false));
        }
        boolean all = true;
        for (int i : indices) {
            if (!filled.get(i)) {
                all = false;
                break;
            }
        }
        if (!all) {
            Map<String, INDArray> fresh = outputs.apply(guide.forward(x, false));
            store(indices, fresh);
            return fresh;
        }
        for (Map.Entry<String, float[]> e : rows.entrySet()) {
            String tap = e.getKey();
            int w = widths.get(tap);
            float[] src = e.getValue();
            float[] dst = staging.get(tap);
            if (dst == null || dst.length != indices.length * w) {
                dst = new float[indices.length * w];
                staging.put(tap, dst);
                batchTaps.put(tap, Nd4j.create(guide.params().dataType(), indices.length, w));
            }
            for (int r = 0; r < indices.length; r++) {
                System.arraycopy(src, indices[r] * w, dst, r * w, w);
            }
            batchTaps.get(tap).data().asNioFloat().put(0, dst);
        }
        return batchTaps;
    }

    /** Stores the rows of a fresh forward, or turns the cache off for good when they would exceed the bound. */
    private void store(int[] indices, Map<String, INDArray> fresh) {
        if (rows.isEmpty()) {
            long perExample = 0;
            boolean rowPerExample = true;
            for (INDArray t : fresh.values()) {
                perExample += t.columns();
                rowPerExample &= t.rank() == 2 && t.rows() == indices.length;
            }
            if (!rowPerExample || perExample * examples * Float.BYTES > maxBytes) {
                disabled = true;
                return;
            }
            for (Map.Entry<String, INDArray> e : fresh.entrySet()) {
                int w = (int) e.getValue().columns();
                widths.put(e.getKey(), w);
                rows.put(e.getKey(), new float[examples * w]);
            }
        }
        List<String> names = new ArrayList<>(fresh.keySet());
        for (String tap : names) {
            int w = widths.get(tap);
            float[] values = fresh.get(tap).dup('c').data().asFloat();
            float[] dst = rows.get(tap);
            for (int r = 0; r < indices.length; r++) {
                System.arraycopy(values, r * w, dst, indices[r] * w, w);
            }
        }
        for (int i : indices) {
            filled.set(i);
        }
    }
}
