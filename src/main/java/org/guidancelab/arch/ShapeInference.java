package org.guidancelab.arch;

import java.util.List;

/**
 * Shape inference: a pure function from a network spec to each layer's output shape, parameter count, FLOPs
 * estimate and diagnostics. No ND4J, no exceptions for user mistakes, so the builder can run it on every edit.
 */
public final class ShapeInference {
    private ShapeInference() {
    }

    public static NetworkAnalysis analyze(NetworkSpec spec) {
        // Implemented by the foundation work (issue 2); this placeholder only fixes the signature.
        return new NetworkAnalysis(List.of(), List.of());
    }
}
