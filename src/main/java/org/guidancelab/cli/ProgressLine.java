package org.guidancelab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;

/**
 * The live progress line: arm, phase and step, loss and ETA for the whole run, redrawn in place (carriage return) at
 * most a few times a second; arm ends, failures and the run's end get lines of their own.
 */
final class ProgressLine implements TrainingListener {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter out;
    private int arms;
    private int steps;
    private int armsDone;
    private long lastDraw;
    private int lastWidth;

    ProgressLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(TrainingEvent e) {
        if (e instanceof TrainingEvent.RunStarted r) {
            arms = r.arms().size();
            steps = r.steps();
        } else if (e instanceof TrainingEvent.Step s) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || (s.phase() == Phase.TASK && s.step() == steps)) {
                lastDraw = now;
                draw(s);
            }
        } else if (e instanceof TrainingEvent.ArmFinished f) {
            armsDone++;
            line(String.format(Locale.ROOT, "arm %s %s at step %d", f.arm(), f.stopped() ? "stopped" : "finished", f.step()));
        } else if (e instanceof TrainingEvent.ArmFailed f) {
            armsDone++;
            line("arm " + f.arm() + " FAILED: " + f.message());
        }
    }

    private void draw(TrainingEvent.Step s) {
        String phase = s.phase() == Phase.TASK ? "" : " [" + s.phase().jsonName() + "]";
        String eta = "";
        double rate = s.get(Metrics.STEPS_PER_SECOND);
        if (s.phase() == Phase.TASK && rate > 0) {
            long remaining = (long) (steps - s.step()) + (long) Math.max(0, arms - armsDone - 1) * steps;
            eta = " ETA " + duration(remaining / rate);
        }
        // Only task steps have a known total here; guide training and the noise pre-phase show their count.
        String count = s.phase() == Phase.TASK ? s.step() + "/" + steps : String.valueOf(s.step());
        String text = String.format(Locale.ROOT, "%s%s step %s loss %.4f%s", s.arm(), phase, count, s.get(Metrics.TRAIN_LOSS), eta);
        out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
        lastWidth = text.length();
        out.flush();
    }

    private void line(String text) {
        out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
        out.println();
        lastWidth = 0;
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
