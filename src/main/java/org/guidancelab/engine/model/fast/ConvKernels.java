package org.guidancelab.engine.model.fast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.guidancelab.engine.dnnl.DnnlConvolution;
import org.guidancelab.engine.dnnl.OneDnn;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * A convolution layer's oneDNN primitives per batch size, the few most recent kept: training and evaluation batches
 * alternate, and making a size's primitives (oneDNN generates their code) costs far more than a step. Empty when
 * oneDNN is not used in this JVM, or when it refuses the geometry; the layer then takes the patch-matrix route.
 */
final class ConvKernels {
    private static final int KEPT = 3;

    private final Im2col g;
    private final int filters;
    private final Map<Integer, DnnlConvolution> bySize = new LinkedHashMap<>(4, 0.75f, true);
    private final boolean training;
    private boolean refused;

    /** {@code training}: with the backward passes (a trainable layer), else the forward alone (a frozen one). */
    ConvKernels(Im2col geometry, int filters, boolean training) {
        this.g = geometry;
        this.filters = filters;
        this.training = training;
    }

    /**
     * {@code x} itself when its values lie in C order with no gaps (a view at an offset included), else a C-order
     * copy: oneDNN reads maps from one address.
     */
    static INDArray denseRows(INDArray x) {
        return x.ordering() == 'c' && Shape.hasDefaultStridesForShape(x) ? x : x.dup('c');
    }

    /** Frees every size's primitives; later calls make them again. */
    void close() {
        bySize.values().forEach(DnnlConvolution::close);
        bySize.clear();
    }

    /** The convolution of batches of {@code n}, or null for the patch-matrix route. */
    DnnlConvolution at(int n) {
        if (refused || !OneDnn.convolutions()) {
            return null;
        }
        DnnlConvolution c = bySize.get(n);
        if (c != null) {
            return c;
        }
        try {
            c = DnnlConvolution.create(n, g.inC, g.inH, g.inW, filters, g.k, g.stride, g.padding, g.outH, g.outW,
                    training);
        } catch (IllegalStateException e) {
            refused = true;
            System.err.println("note: Conv2D " + g.inC + "x" + g.inH + "x" + g.inW + " -> " + filters + " takes the "
                    + "patch-matrix route: " + e.getMessage());
            return null;
        }
        if (bySize.size() == KEPT) {
            Map.Entry<Integer, DnnlConvolution> eldest = bySize.entrySet().iterator().next();
            eldest.getValue().close();
            bySize.remove(eldest.getKey());
        }
        bySize.put(n, c);
        return c;
    }
}
