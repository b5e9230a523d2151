package org.guidancelab.experiment;

import java.util.List;
import org.guidancelab.arch.Diagnostic;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.NetworkSpec;

/**
 * Checks one network of an experiment: its own shape-inference errors, then whether its Input takes the
 * dataset's examples and its Output gives the dataset's classes (per example or per token).
 */
public final class NetworkFit {
    private NetworkFit() {
    }

    /** Adds the network's shape-inference errors as problems under {@code root} ("$.target"). */
    static void diagnostics(String role, String root, NetworkAnalysis analysis, List<SpecProblem> out) {
        for (Diagnostic d : analysis.diagnostics()) {
            if (d.severity() != Diagnostic.Severity.ERROR) {
                continue;
            }
            String path = jsonPath(root, d);
            out.add(new SpecProblem(path, role + ": " + d.message()));
        }
    }

    /**
     * Where a diagnostic points in a file: {@code root.layers[i].field} ("$.target.layers[2].block[0].kernel"), the
     * layer when no field is named, {@code root} for the network as a whole.
     */
    public static String jsonPath(String root, Diagnostic d) {
        if (d.layerIndex() < 0) {
            return root;
        }
        return root + ".layers[" + d.layerIndex() + "]" + (d.field().isEmpty() ? "" : "." + d.field());
    }

    static void fit(String role, String root, NetworkSpec net, DatasetSpec dataset, DatasetShape data, List<SpecProblem> out) {
        if (net.size() > 0 && net.layer(0) instanceof Layers.Input in) {
            input(role, root + ".layers[0]", in, dataset, data, out);
        }
        if (net.size() > 0) {
            int last = net.size() - 1;
            LayerSpec l = net.layer(last);
            if (l instanceof Layers.Output o) {
                output(role, root + ".layers[" + last + "]", o, dataset, data, out);
            }
        }
    }

    private static void input(String role, String path, Layers.Input in, DatasetSpec dataset, DatasetShape data,
                              List<SpecProblem> out) {
        String ds = "the " + dataset.name() + " data";
        boolean tokens = in.kind() == Layers.InputKind.TOKENS;
        if (tokens != data.tokens()) {
            out.add(new SpecProblem(path + ".kind", role + ": Input '" + in.name() + "' is of kind "
                    + (tokens ? "tokens" : "real") + " but " + ds + " gives " + (data.tokens() ? "token ids" : "real values")
                    + ": set kind to " + (data.tokens() ? "tokens" : "real")));
            return;
        }
        if (!in.shape().equals(data.inputShape())) {
            out.add(new SpecProblem(path + ".shape", role + ": Input '" + in.name() + "' has shape " + in.shape()
                    + " but " + ds + " has examples of shape " + data.inputShape() + ": set the shape to " + data.inputShape()));
        }
        if (tokens && in.vocabSize() < data.vocabSize()) {
            out.add(new SpecProblem(path + ".vocabSize", role + ": Input '" + in.name() + "' has vocabSize " + in.vocabSize()
                    + " but " + ds + " uses " + data.vocabSize() + " tokens: set vocabSize to " + data.vocabSize()));
        }
    }

    private static void output(String role, String path, Layers.Output o, DatasetSpec dataset, DatasetShape data,
                               List<SpecProblem> out) {
        String ds = "the " + dataset.name() + " data";
        if (o.classes() != data.classes()) {
            out.add(new SpecProblem(path + ".classes", role + ": Output '" + o.name() + "' gives " + o.classes()
                    + " classes but " + ds + " has " + data.classes() + ": set classes to " + data.classes()));
        }
        if (o.perToken() != data.perToken()) {
            String msg = data.perToken()
                    ? "is per example but " + ds + " has a label per token: set perToken to true (and keep the sequence up to the Output)"
                    : "is per token but " + ds + " has one label per example: set perToken to false and pool the sequence (SequencePool)";
            out.add(new SpecProblem(path + ".perToken", role + ": Output '" + o.name() + "' " + msg));
        }
    }
}
