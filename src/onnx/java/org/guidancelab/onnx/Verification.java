package org.guidancelab.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guidancelab.engine.imported.GuideLayer;
import org.guidancelab.engine.imported.ImportedNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pass that decides whether a converted guide is accepted: the saved .sdz, opened as the lab opens a guide, is run
 * on the sample input and every tap is compared with PyTorch's reference. A value passes when
 * |converted - reference| &lt;= tolerance * max(1, |reference|): absolute for activations up to 1, relative above (a
 * float32 network's rounding grows with the magnitude of what it computes).
 */
final class Verification {
    /** One tap's outcome: the largest absolute difference and whether every value was within the tolerance. */
    record TapResult(String tap, List<Integer> shape, double maxAbs, boolean ok) {
    }

    private Verification() {
    }

    /** A refusal naming the first tap without its reference CSV: checked before the import, which takes seconds. */
    static void requireReferences(List<String> taps, Path refDir) throws OnnxRefusal {
        if (!Files.isDirectory(refDir)) {
            throw new OnnxRefusal("reference folder " + refDir + " does not exist (scripts/onnx-guide-export.py writes one"
                    + " CSV of PyTorch's output per tap)");
        }
        for (String t : taps) {
            if (!Files.isRegularFile(refDir.resolve(t + ".csv"))) {
                throw new OnnxRefusal("no reference for tap '" + t + "': expected " + refDir.resolve(t + ".csv")
                        + " (every tap is verified; export the references with scripts/onnx-guide-export.py)");
            }
        }
    }

    /** Every tap's result, or a refusal naming the first tap that is missing a reference or differs. */
    static List<TapResult> check(ImportedNetwork net, INDArray sample, Path refDir, double tolerance) throws OnnxRefusal {
        List<String> taps = net.layers().stream().map(GuideLayer::name).toList();
        requireReferences(taps, refDir);
        Map<String, INDArray> got = net.activations(sample, taps);
        List<TapResult> out = new ArrayList<>();
        for (GuideLayer layer : net.layers()) {
            Path file = refDir.resolve(layer.name() + ".csv");
            float[][] ref = Csv.read(file, "reference");
            INDArray a = got.get(layer.name());
            if (ref.length != a.rows() || ref[0].length != a.columns()) {
                throw new OnnxRefusal("reference " + file + " is " + ref.length + " x " + ref[0].length + " but tap '"
                        + layer.name() + "' gives " + a.rows() + " x " + a.columns() + " for the sample input (rows = examples,"
                        + " columns = the tap's output " + layer.shape() + " flattened)");
            }
            float[] v = a.dup('c').data().asFloat();
            double maxAbs = 0;
            double worstExcess = 0;
            int worstRow = 0;
            int worstCol = 0;
            for (int r = 0; r < ref.length; r++) {
                for (int c = 0; c < ref[r].length; c++) {
                    double d = Math.abs((double) v[r * ref[r].length + c] - ref[r][c]);
                    double excess = d / Math.max(1.0, Math.abs(ref[r][c]));
                    maxAbs = Double.isNaN(d) ? Double.NaN : Math.max(maxAbs, d);
                    if (Double.isNaN(d) || excess > worstExcess) {
                        worstExcess = Double.isNaN(d) ? Double.POSITIVE_INFINITY : excess;
                        worstRow = r;
                        worstCol = c;
                    }
                }
            }
            boolean ok = worstExcess <= tolerance;
            if (!ok) {
                throw new OnnxRefusal(String.format(Locale.ROOT, "verification failed at tap '%s': the converted graph gives"
                        + " %s where PyTorch gives %s (example %d, value %d): max abs difference %.3g, over the tolerance %.0e"
                        + " x max(1, |reference|); the importer runs this network wrongly", layer.name(),
                        v[worstRow * ref[worstRow].length + worstCol], ref[worstRow][worstCol], worstRow + 1, worstCol + 1,
                        maxAbs, tolerance));
            }
            out.add(new TapResult(layer.name(), layer.shape(), maxAbs, true));
        }
        return out;
    }
}
