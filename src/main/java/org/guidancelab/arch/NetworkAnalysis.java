package org.guidancelab.arch;

import java.util.List;

/** The result of {@link ShapeInference#analyze}: one {@link LayerInfo} per layer and the diagnostics found. */
public record NetworkAnalysis(List<LayerInfo> layers, List<Diagnostic> diagnostics) {
    public NetworkAnalysis {
        layers = List.copyOf(layers);
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when no diagnostic is an error: the network can be built and trained. */
    public boolean valid() {
        return diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    public long totalParams() {
        return layers.stream().mapToLong(LayerInfo::params).sum();
    }

    public long totalFlops() {
        return layers.stream().mapToLong(LayerInfo::flops).sum();
    }

    /** Diagnostics about the layer at {@code index}. */
    public List<Diagnostic> diagnosticsFor(int index) {
        return diagnostics.stream().filter(d -> d.layerIndex() == index).toList();
    }
}
