package org.guidancelab.ui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;

/**
 * The hand-over from the training thread to the FX thread. The trainer writes events into two bounded buffers (task
 * steps, and the rarer notices: arm starts and ends, CKA heatmaps, failures) and never waits; the dashboard drains
 * both once per frame. If the FX thread falls so far behind that a buffer fills, the oldest entries are dropped and
 * counted rather than slowing training down. Progress is a single volatile snapshot, overwritten at every step.
 */
public final class LiveFeed implements TrainingListener {
    static final int STEP_CAPACITY = 1 << 16;
    static final int NOTICE_CAPACITY = 4096;

    private final ArrayBlockingQueue<TrainingEvent.Step> steps;
    private final ArrayBlockingQueue<TrainingEvent> notices;
    private final AtomicLong dropped = new AtomicLong();
    private volatile Progress progress = Progress.NONE;
    private volatile List<String> arms = List.of();

    public LiveFeed() {
        this(STEP_CAPACITY, NOTICE_CAPACITY);
    }

    LiveFeed(int stepCapacity, int noticeCapacity) {
        steps = new ArrayBlockingQueue<>(stepCapacity);
        notices = new ArrayBlockingQueue<>(noticeCapacity);
    }

    /** What arrived since the last drain. */
    public record Batch(List<TrainingEvent.Step> steps, List<TrainingEvent> notices) {
        public boolean isEmpty() {
            return steps.isEmpty() && notices.isEmpty();
        }
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            Progress p = progress;
            double rate = s.phase() == Phase.TASK ? s.get(Metrics.STEPS_PER_SECOND) : p.stepsPerSecond();
            progress = new Progress(p.arm(), p.armIndex(), p.arms(), s.phase(), s.step(), p.steps(), rate);
            if (s.phase() == Phase.TASK) {
                offer(steps, s);
            }
            return;
        }
        if (event instanceof TrainingEvent.RunStarted r) {
            arms = r.arms();
            progress = new Progress("", 0, r.arms().size(), Phase.TASK, 0, r.steps(), Double.NaN);
        } else if (event instanceof TrainingEvent.ArmStarted a) {
            Progress p = progress;
            progress = new Progress(a.arm(), a.armIndex(), p.arms(), Phase.TASK, a.fromStep(), a.steps(), Double.NaN);
        } else if (event instanceof TrainingEvent.Evaluation || event instanceof TrainingEvent.Checkpoint) {
            // Evaluation metrics also ride on the Step; checkpoints are the run store's business.
            return;
        }
        offer(notices, event);
    }

    private <T> void offer(ArrayBlockingQueue<T> queue, T item) {
        while (!queue.offer(item)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    /** Takes everything buffered (FX thread, once per frame). */
    public Batch drain() {
        List<TrainingEvent.Step> s = new ArrayList<>();
        steps.drainTo(s);
        List<TrainingEvent> n = new ArrayList<>();
        notices.drainTo(n);
        return new Batch(s, n);
    }

    public Progress progress() {
        return progress;
    }

    /** The run's arms, once it started. */
    public List<String> arms() {
        return arms;
    }

    /** Entries dropped because a buffer was full (0 unless the FX thread stalled). */
    public long dropped() {
        return dropped.get();
    }
}
