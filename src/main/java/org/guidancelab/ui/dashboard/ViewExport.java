package org.guidancelab.ui.dashboard;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import org.guidancelab.figures.PngWriter;

/**
 * A whole view (the dashboard, a comparison) as one PNG at {@link #SCALE} times its size on screen, for slides and
 * reports: each chart already exports itself, this keeps them together as laid out. The snapshot is taken on the FX
 * thread (it renders the scene graph); converting and encoding the pixels, the slow part, happen on {@code background}.
 */
public final class ViewExport {
    /** Twice the screen size: sharp on a projector and in print. */
    public static final double SCALE = 2.0;
    /** The PNG's recorded resolution: 96 dpi screen pixels, doubled. */
    static final double DOTS_PER_INCH = 96 * SCALE;

    private ViewExport() {
    }

    /** Snapshots {@code view} now (FX thread) and writes it to {@code file}; the future ends once it is written. */
    public static CompletableFuture<Path> png(Node view, Path file, Executor background) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(new Scale(SCALE, SCALE));
        params.setFill(Color.WHITE);
        WritableImage image = view.snapshot(params, null);
        return CompletableFuture.supplyAsync(() -> {
            BufferedImage pixels = SwingFXUtils.fromFXImage(image, null);
            try {
                PngWriter.write(pixels, file, DOTS_PER_INCH);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
            return file;
        }, background);
    }
}
