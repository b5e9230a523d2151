package org.guidancelab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds labels, buttons and cells whose text JavaFX cut short: a Labeled's skin draws its text in a Text node, which
 * holds the shortened text ("Res…") when the control is too narrow. Call on the FX thread after a layout pass.
 */
public final class Truncation {
    private Truncation() {
    }

    /** "text → shown" for every visible Labeled under {@code root} drawn with less than its whole text. */
    public static List<String> under(Parent root) {
        List<String> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && t.isVisible() && !t.getText().equals(l.getText())
                        && !t.getText().replace("\n", "").equals(l.getText().replace("\n", ""))) {
                    out.add(l.getClass().getSimpleName() + " '" + l.getText() + "' shown as '" + t.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out);
            }
        }
    }
}
