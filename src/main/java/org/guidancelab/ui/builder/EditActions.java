package org.guidancelab.ui.builder;

import org.guidancelab.arch.LayerSpec;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.ui.model.BlockRef;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.Lane;

/** Delete, duplicate, copy and paste of the selection (a block or a pair line), shared by menu, toolbar and keys. */
final class EditActions {
    private final BuilderContext ctx;

    EditActions(BuilderContext ctx) {
        this.ctx = ctx;
    }

    private ExperimentDocument doc() {
        return ctx.document();
    }

    /** Deletes the selected pair line if any, else the selected block. */
    void delete() {
        TapPair pair = doc().selectedPairProperty().get();
        if (pair != null) {
            ctx.perform(() -> Edits.removePair(doc().getSpec(), pair));
            return;
        }
        BlockRef ref = doc().selectionProperty().get();
        if (ref != null) {
            ctx.perform(() -> java.util.Optional.of(Edits.remove(doc().getSpec(), ref)));
        }
    }

    void duplicate() {
        BlockRef ref = doc().selectionProperty().get();
        if (ref != null) {
            ctx.perform(() -> java.util.Optional.of(Edits.duplicate(doc().getSpec(), ref)));
        }
    }

    void copy() {
        BlockRef ref = doc().selectionProperty().get();
        if (ref != null) {
            LayerSpec layer = ref.lane().network(doc().getSpec()).layer(ref.index());
            ctx.copy(layer);
            ctx.say("Copied " + layer.name());
        }
    }

    /** Pastes after the selected block, or at the end of the target when nothing is selected. */
    void paste() {
        ctx.clipboard().ifPresent(layer -> {
            BlockRef ref = doc().selectionProperty().get();
            Lane lane = ref == null ? Lane.TARGET : ref.lane();
            int at = ref == null ? lane.network(doc().getSpec()).size() : ref.index() + 1;
            ctx.perform(() -> java.util.Optional.of(Edits.insert(doc().getSpec(), lane, at, layer)));
        });
    }

    void resetPairs() {
        ctx.perform(() -> Edits.resetPairing(doc().getSpec()));
    }
}
