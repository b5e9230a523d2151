package org.guidancelab.ui.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.guidancelab.arch.ImportedGuide;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.imported.GuideCatalog;
import org.guidancelab.engine.imported.GuideLayer;
import org.guidancelab.experiment.DatasetShape;
import org.guidancelab.experiment.DatasetShapes;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.Lane;

/**
 * "Guide from file..." and a model file dropped on the guide lane: the file becomes the experiment's guide (one
 * undoable edit), with default taps chosen from its layers. A file that cannot be a guide shows why (file and layer)
 * and leaves the experiment as it was.
 */
final class GuideImport {
    private final BuilderContext ctx;
    private final Dialogs dialogs;

    GuideImport(BuilderContext ctx, Dialogs dialogs) {
        this.ctx = ctx;
        this.dialogs = dialogs;
    }

    /**
     * Whether {@code file} is a model file rather than JSON: it starts like HDF5 or zip, or is named .sdz (SameDiff's
     * FlatBuffers file has no magic number) or .onnx (the import then says to run `guide convert`).
     */
    static boolean isModelFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".sdz") || name.endsWith(".onnx")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(4);
            return h.length == 4 && ((h[0] == (byte) 0x89 && h[1] == 'H' && h[2] == 'D' && h[3] == 'F')
                    || (h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4));
        } catch (IOException e) {
            return false;
        }
    }

    void chooseAndImport() {
        dialogs.chooseModelFile("Guide from file").ifPresent(this::importGuide);
    }

    /** Makes {@code file} the guide; false (with the reason shown) when it cannot be one. */
    boolean importGuide(Path file) {
        List<Integer> data = dataShape();
        GuideCatalog.Entry e = GuideCatalog.describe(file, data);
        String title = "Cannot use " + file.getFileName() + " as the guide";
        if (!e.ok()) {
            dialogs.showError(title, e.error());
            return false;
        }
        if (data != null && !e.inputShape().equals(data)) {
            dialogs.showError(title, file + ": takes inputs of shape " + e.inputShape() + " (channels, height, width) but"
                    + " the dataset's examples are " + data + ": choose a dataset of that shape, or a guide for this one");
            return false;
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        NetworkSpec guide = NetworkSpec.imported(name, new ImportedGuide(file.toAbsolutePath().toString(), defaultTaps(e), null));
        boolean done = ctx.perform(() -> Edits.replaceNetwork(ctx.document().getSpec(), Lane.GUIDE, guide));
        if (done) {
            ctx.say("Guide read from " + file.getFileName() + ": " + e.layers().size() + " layers, " + guide.tapNames().size() + " taps");
        }
        return done;
    }

    /**
     * A converted ONNX guide's layers are the taps its export chose (scripts/onnx-guide-export.py), so all of them
     * but the last (the logits); a Keras or DL4J file's, the lab's usual ones below.
     */
    static List<String> defaultTaps(GuideCatalog.Entry e) {
        if ("SameDiff sdz".equals(e.format())) {
            return e.layerNames().subList(0, Math.max(0, e.layerNames().size() - 1));
        }
        return defaultTaps(e.layers());
    }

    /**
     * The lab's usual taps in a file's terms: the outputs of convolutions and dense layers (the last, the logits,
     * excepted), of residual merges and of global pooling.
     */
    static List<String> defaultTaps(List<GuideLayer> layers) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < layers.size() - 1; i++) {
            String k = layers.get(i).kind();
            if (k.equals("ConvolutionLayer") || k.equals("DenseLayer") || k.equals("ElementWiseVertex")
                    || k.equals("GlobalPoolingLayer")) {
                out.add(layers.get(i).name());
            }
        }
        return out;
    }

    private List<Integer> dataShape() {
        try {
            DatasetShape d = DatasetShapes.of(ctx.document().getSpec().dataset());
            return d.tokens() ? null : d.inputShape();
        } catch (DatasetShapes.ParamProblem p) {
            return null;
        }
    }
}
