package org.guidancelab.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.guidancelab.engine.model.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The frozen guide's taps (or, for a distillation teacher, its logits) for every training example, computed once
 * before the task steps, so the guide's forward pass disappears from the step. The guide is frozen and in eval mode,
 * so a row depends on its example alone up to float rounding; the rounding, though, depends on the row's place in
 * the batch on some BLAS kernels (OpenBLAS's Haswell and Zen sgemm). The cache is therefore always filled the same
 * way, in chunks of consecutive example indices, whatever the run's history: a resumed run and an uninterrupted one
 * see the same bits (see docs/decisions/0001-guide-tap-cache-filled-in-canonical-chunks.md). Bounded: when all taps
 * of all training examples would exceed {@code maxBytes} the cache stays off and the guide runs every step on the
 * step's batch, which is itself a function of (seed, step).
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
    private boolean disabled;
    private boolean complete;

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
     * alone while the teacher is frozen.
     */
    static GuideTapCache logits(Model teacher, int examples, long maxBytes) {
        return new GuideTapCache(teacher, examples, maxBytes, f -> Map.of(LOGITS, f.logits()));
    }

    /** Whether the cache holds every example's outputs (false before {@link #fill} or above the bound). */
    boolean active() {
        return complete;
    }

    /**
     * Computes and keeps the outputs of every training example, {@code chunk} consecutive examples per forward pass,
     * or turns the cache off for good when they would exceed the bound.
     */
    void fill(BatchLoader loader, int chunk) {
        int[] all = new int[chunk];
        for (int from = 0; from < examples && !disabled; from += chunk) {
            int n = Math.min(chunk, examples - from);
            int[] indices = n == chunk ? all : new int[n];
            for (int i = 0; i < n; i++) {
                indices[i] = from + i;
            }
            store(indices, outputs.apply(guide.forward(loader.training(indices, n).x(), false)));
        }
        complete = !disabled;
    }

    /**
     * The guide's outputs for the training examples {@code indices} whose inputs are {@code x}: from the cache once
     * it is filled, else from a forward pass of {@code x}.
     */
    Map<String, INDArray> taps(int[] indices, INDArray x) {
        if (!complete) {
            return outputs.apply(guide.forward(x, false));
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

    /** Stores the rows of one chunk, or turns the cache off for good when all rows would exceed the bound. */
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
        for (Map.Entry<String, INDArray> e : fresh.entrySet()) {
            int w = widths.get(e.getKey());
            float[] values = e.getValue().dup('c').data().asFloat();
            float[] dst = rows.get(e.getKey());
            for (int r = 0; r < indices.length; r++) {
                System.arraycopy(values, r * w, dst, indices[r] * w, w);
            }
        }
    }
}
