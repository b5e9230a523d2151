package org.guidancelab.ui.builder;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.LayerType;
import org.guidancelab.arch.NetworkSpec;

/** A network in miniature: one coloured cell per layer, in the block colours, for cards and the preset gallery. */
final class NetworkThumbnail extends Canvas {
    NetworkThumbnail(NetworkSpec net, double width, double height) {
        super(width, height);
        GraphicsContext g = getGraphicsContext2D();
        int n = Math.max(1, net.size());
        double cell = width / n;
        for (int i = 0; i < net.size(); i++) {
            LayerSpec l = net.layer(i);
            g.setFill(colour(LayerType.of(l)));
            g.fillRoundRect(i * cell + 1, 1, Math.max(1, cell - 2), height - 2, 3, 3);
            if (l.tap() && cell > 5) {
                g.setFill(Color.WHITE);
                g.fillOval(i * cell + cell / 2 - 2, height / 2 - 2, 4, 4);
            }
        }
    }

    /** The same families as the CSS strips (a Canvas cannot use CSS). */
    static Color colour(LayerType t) {
        switch (Styles.kindClass(t)) {
            case "gl-kind-io": return Color.web("#8c959f");
            case "gl-kind-dense": return Color.web("#2f81f7");
            case "gl-kind-conv": return Color.web("#2da44e");
            case "gl-kind-pool": return Color.web("#bf8700");
            case "gl-kind-norm": return Color.web("#8250df");
            case "gl-kind-shape": return Color.web("#57606a");
            case "gl-kind-embed": return Color.web("#e16f24");
            default: return Color.web("#cf222e");
        }
    }
}
