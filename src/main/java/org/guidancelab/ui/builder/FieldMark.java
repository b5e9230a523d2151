package org.guidancelab.ui.builder;

import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.guidancelab.ui.model.Problem;

/**
 * Marks an editor while a problem names its field: the theme's danger state (a red border) and the reasons at the
 * top of its tooltip. It follows the document's problems, so a refused value and a problem found by the validator
 * look the same.
 */
final class FieldMark {
    /** AtlantaFX draws text fields, check boxes and combo boxes in this state with its danger colour. */
    private static final javafx.css.PseudoClass DANGER = atlantafx.base.theme.Styles.STATE_DANGER;
    private static final String LISTENER = "gl-field-mark";

    private FieldMark() {
    }

    static void follow(Control editor, SheetItem item) {
        Tooltip tip = new Tooltip(item.getDescription());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        editor.setTooltip(tip);
        ListChangeListener<Problem> update = c -> update(editor, item);
        // held by the editor and followed weakly, since the sheet throws editors away on every rebuild
        editor.getProperties().put(LISTENER, update);
        item.allProblems().addListener(new WeakListChangeListener<>(update));
        update(editor, item);
    }

    static void update(Control editor, SheetItem item) {
        List<Problem> problems = item.problems();
        editor.pseudoClassStateChanged(DANGER, !problems.isEmpty());
        String reasons = problems.stream().map(Problem::message).collect(Collectors.joining("\n"));
        editor.getTooltip().setText(reasons.isEmpty() ? item.getDescription() : reasons + "\n\n" + item.getDescription());
    }
}
