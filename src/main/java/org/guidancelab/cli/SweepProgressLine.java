package org.guidancelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.guidancelab.sweep.CellOutcome;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.SweepCell;
import org.guidancelab.sweep.SweepCounts;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepProgress;

/**
 * The sweep's one progress line on stderr, redrawn in place: cells done / running / failed and the ETA. A failed or
 * stopped cell, and what a resume did, get a line of their own above it.
 */
final class SweepProgressLine implements SweepProgress {
    private final PrintWriter out;
    private int lastWidth;
    private SweepCounts last;

    SweepProgressLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void started(SweepPlan plan, List<SweepCell> toRun, int finishedBefore) {
        if (finishedBefore > 0 && !toRun.isEmpty()) {
            line(finishedBefore + " chosen cell" + (finishedBefore == 1 ? "" : "s") + " had finished before: skipped; "
                    + toRun.size() + " to train, longest first");
        }
    }

    @Override
    public synchronized void note(SweepCell cell, String text) {
        line("cell " + cell.id() + ": " + text);
    }

    @Override
    public synchronized void cellEnded(CellOutcome o) {
        if (o.status() == CellStatus.FAILED) {
            line("cell " + o.cell().id() + " FAILED: " + o.message());
        } else if (o.status() == CellStatus.STOPPED) {
            line("cell " + o.cell().id() + " stopped (the next run continues it)");
        }
    }

    @Override
    public synchronized void changed(SweepCounts c) {
        last = c;
        String eta = Double.isFinite(c.etaSeconds()) ? " ETA " + ProgressLine.duration(c.etaSeconds()) : "";
        String text = String.format(Locale.ROOT, "cells %d/%d done, %d running, %d failed%s%s", c.finished(), c.cells(),
                c.running(), c.failed(), c.stopped() > 0 ? ", " + c.stopped() + " stopped" : "", eta);
        out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
        lastWidth = text.length();
        out.flush();
    }

    /** Ends the redrawn line so what follows starts on its own. */
    synchronized void end() {
        if (lastWidth > 0) {
            out.println();
            lastWidth = 0;
        }
        out.flush();
    }

    private void line(String text) {
        out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
        out.println();
        lastWidth = 0;
        if (last != null) {
            changed(last);
        }
        out.flush();
    }
}
