package org.guidancelab.spark;

import java.io.Serializable;
import java.util.ArrayList;
import org.guidancelab.sweep.CellResult;
import org.guidancelab.sweep.CellStatus;

/**
 * What a cell's task sends back to the driver: how the training ended and, when the sweep folder is not shared, the
 * run folder zipped (a few KB to a few MB: metrics, heatmaps, checkpoints).
 */
record CellShipment(CellStatus status, String message, boolean resumed, ArrayList<String> notes, byte[] zip)
        implements Serializable {
    CellResult result() {
        return new CellResult(status, message, resumed, notes);
    }

    static CellShipment of(CellResult r, byte[] zip) {
        return new CellShipment(r.status(), r.message(), r.resumed(), new ArrayList<>(r.notes()), zip);
    }
}
