package org.guidancelab.reproduce;

import java.io.PrintWriter;
import java.util.Locale;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;

/**
 * Progress of one (finding, seed) run as whole lines on stderr ("deep-fcn seed 2 | guided-untrained step 300/1500 loss
 * 1.23"): lines, not a redrawn line, because with --jobs several runs report at once. At most one step line every few
 * seconds per run, plus a line per arm end.
 */
final class ProgressLog implements TrainingListener {
    private static final long EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final String prefix;
    private int steps;
    private long last;

    ProgressLog(PrintWriter out, Finding finding, int seed) {
        this.out = out;
        this.prefix = finding.id() + " seed " + seed + " | ";
    }

    @Override
    public void onEvent(TrainingEvent e) {
        if (e instanceof TrainingEvent.RunStarted r) {
            steps = r.steps();
        } else if (e instanceof TrainingEvent.Step s) {
            long now = System.nanoTime();
            if (now - last >= EVERY_NANOS) {
                last = now;
                String phase = s.phase() == Phase.TASK ? "" : " [" + s.phase().jsonName() + "]";
                String count = s.phase() == Phase.TASK ? s.step() + "/" + steps : String.valueOf(s.step());
                print(String.format(Locale.ROOT, "%s%s step %s loss %.4f", s.arm(), phase, count,
                        s.get(Metrics.TRAIN_LOSS)));
            }
        } else if (e instanceof TrainingEvent.ArmFinished f) {
            print("arm " + f.arm() + (f.stopped() ? " stopped" : " finished") + " at step " + f.step());
        } else if (e instanceof TrainingEvent.ArmFailed f) {
            print("arm " + f.arm() + " FAILED: " + f.message());
        }
    }

    private void print(String line) {
        synchronized (out) {
            out.println(prefix + line);
            out.flush();
        }
    }
}
