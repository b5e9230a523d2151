package org.guidancelab.sweep;

import java.util.List;

/**
 * How training one cell into its folder ended ({@link CellTrainer}).
 *
 * @param status  FINISHED, STOPPED (cancelled between steps) or FAILED
 * @param message why it failed or stopped ("" when finished)
 * @param resumed the folder held a run that was continued rather than started
 * @param notes   what a resume did ("arm guided continues after step 120"), warnings
 */
public record CellResult(CellStatus status, String message, boolean resumed, List<String> notes) {
    public CellResult {
        message = message == null ? "" : message;
        notes = List.copyOf(notes);
    }

    public static CellResult failed(String message) {
        return new CellResult(CellStatus.FAILED, message, false, List.of());
    }
}
