package org.guidancelab.arch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shape inference: a pure function from a network spec to each layer's output shape, parameter count, FLOPs
 * estimate and diagnostics. No ND4J, no exceptions for user mistakes, so the builder can run it on every edit.
 *
 * <p>Parameter conventions (the flat layout every Model shares): Dense units*(in+1) with bias; Conv2D
 * filters*(C*k*k+1); Output classes*(D+1); BatchNorm and LayerNorm 2 per channel/feature (running statistics
 * are state, not parameters); SimpleRNN units*(D+units+1); LSTM 4*units*(D+units+1); Embedding vocab*dim;
 * PositionalEmbedding maxLength*D; TransformerBlock 4(d*d+d) + 4d + (d*ff+ff) + (ff*d+d). FLOPs are forward
 * FLOPs per example with a multiply-add counted as 2; they are estimates for comparing networks.
 *
 * <p>Once a layer's output cannot be inferred, the layers after it get an unknown shape and no further shape
 * errors, so a student sees the first real mistake rather than a cascade.
 */
public final class ShapeInference {
    private ShapeInference() {
    }

    public static NetworkAnalysis analyze(NetworkSpec spec) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<LayerInfo> infos = new ArrayList<>();
        List<LayerSpec> layers = spec.layers();
        if (layers.isEmpty()) {
            diagnostics.add(network(Diagnostic.Severity.ERROR,
                    "has no layers: start with an Input and end with an Output"));
            return new NetworkAnalysis(infos, diagnostics);
        }
        checkNames(layers, diagnostics);
        Flow flow = null;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            LayerCheck check = LayerCheck.topLevel(diagnostics, i, layer);
            Step step;
            if (layer instanceof Layers.Input in) {
                if (i == 0) {
                    flow = LayerRules.input(in, check);
                } else {
                    check.error("", "is an Input in position " + i + ": only the first layer can be an Input");
                    flow = null;
                }
                step = new Step(flow, 0, 0);
            } else {
                if (i == 0) {
                    check.error("", "is the first layer, but a network must start with an Input"
                            + " that says what the examples look like");
                }
                if (layer instanceof Layers.Output && i != layers.size() - 1) {
                    check.error("", "must be the last layer: nothing can follow the logits");
                }
                step = flow == null ? Step.unknown() : LayerRules.apply(layer, flow, check);
                flow = nonEmpty(step.out(), check);
            }
            List<Integer> shape = flow == null ? List.of() : flow.asList();
            infos.add(new LayerInfo(i, layer.name(), layer.type(), shape, step.params(), step.flops(), layer.tap()));
        }
        if (!(layers.get(layers.size() - 1) instanceof Layers.Output)) {
            LayerSpec last = layers.get(layers.size() - 1);
            LayerCheck.topLevel(diagnostics, layers.size() - 1, last).error("",
                    "is the last layer, but a network must end with an Output: the engine trains on its class scores (logits)");
        }
        if (spec.tapNames().isEmpty()) {
            diagnostics.add(network(Diagnostic.Severity.WARNING,
                    "has no tapped layer, so guidance is impossible: switch on the tap of a Dense, Conv2D, recurrent or Transformer layer"));
        }
        return new NetworkAnalysis(infos, diagnostics);
    }

    private static Flow nonEmpty(Flow out, LayerCheck check) {
        if (out != null && out.elements() <= 0) {
            check.error("", "produces an empty output " + out.text() + ": make its sizes or the image larger");
            return null;
        }
        return out;
    }

    /** Names must be non-empty and unique across the network, inner residual layers included. */
    private static void checkNames(List<LayerSpec> layers, List<Diagnostic> diagnostics) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            checkName(l, LayerCheck.topLevel(diagnostics, i, l), "layer " + i, seen);
            if (l instanceof Layers.Residual r) {
                LayerCheck outer = LayerCheck.topLevel(diagnostics, i, l);
                for (int j = 0; j < r.block().size(); j++) {
                    LayerSpec inner = r.block().get(j);
                    checkName(inner, outer.inner(j, inner), "layer " + j + " of residual '" + r.name() + "'", seen);
                }
            }
        }
    }

    private static void checkName(LayerSpec l, LayerCheck c, String where, Map<String, String> seen) {
        if (l.name().isBlank()) {
            c.error("name", "has no name: every layer needs a unique name (taps and pairs refer to it)");
            return;
        }
        String first = seen.putIfAbsent(l.name(), where);
        if (first != null) {
            c.error("name", "has the same name as " + first + ": layer names must be unique");
        }
    }

    private static Diagnostic network(Diagnostic.Severity severity, String message) {
        return new Diagnostic(severity, -1, "", "", "the network " + message);
    }
}
