package org.guidancelab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>The buffers are lock-free: the training thread runs at a lower priority than the FX thread
 * ({@link org.guidancelab.platform.BackgroundPriority}), so with a lock (as in ArrayBlockingQueue) the FX thread could block in its drain
 * while a descheduled training thread held it (priority inversion), for as long as the scheduler kept that thread
 * off a core.
 */
public final class LiveFeed implements TrainingListener {
    static final int STEP_CAPACITY = 1 << 16;
    static final int NOTICE_CAPACITY = 4096;

    private final Bounded<TrainingEvent.Step> steps;
    private final Bounded<TrainingEvent> notices;
    private final AtomicLong dropped = new AtomicLong();
    private volatile Progress progress = Progress.NONE;
    private volatile List<String> arms = List.of();
    /** Per arm, its last task step (training thread only); an arm ended is taken off {@link #running}. */
    private final java.util.Map<String, Integer> taskSteps = new java.util.HashMap<>();
    private final java.util.Set<String> running = new java.util.HashSet<>();
    private int lastStartedIndex = -1;

    public LiveFeed() {
        this(STEP_CAPACITY, NOTICE_CAPACITY);
    }

    LiveFeed(int stepCapacity, int noticeCapacity) {
        steps = new Bounded<>(stepCapacity);
        notices = new Bounded<>(noticeCapacity);
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
            if (s.phase() == Phase.TASK) {
                taskSteps.put(s.arm(), s.step());
            }
            int index = arms.indexOf(s.arm());
            progress = new Progress(s.arm(), index < 0 ? p.armIndex() : index, p.arms(), s.phase(), s.step(), p.steps(), rate,
                    taskStepsDone(p.steps()), running.size());
            if (s.phase() == Phase.TASK) {
                offer(steps, s);
            }
            return;
        }
        if (event instanceof TrainingEvent.RunStarted r) {
            arms = r.arms();
            taskSteps.clear();
            running.clear();
            lastStartedIndex = -1;
            progress = new Progress("", 0, r.arms().size(), Phase.TASK, 0, r.steps(), Double.NaN, 0, 0);
        } else if (event instanceof TrainingEvent.ArmStarted a) {
            Progress p = progress;
            running.add(a.arm());
            lastStartedIndex = Math.max(lastStartedIndex, a.armIndex());
            taskSteps.put(a.arm(), a.fromStep());
            progress = new Progress(a.arm(), a.armIndex(), p.arms(), Phase.TASK, a.fromStep(), a.steps(), Double.NaN,
                    taskStepsDone(a.steps()), running.size());
        } else if (event instanceof TrainingEvent.ArmFinished || event instanceof TrainingEvent.ArmFailed) {
            running.remove(event instanceof TrainingEvent.ArmFinished f ? f.arm() : ((TrainingEvent.ArmFailed) event).arm());
            Progress p = progress;
            progress = new Progress(p.arm(), p.armIndex(), p.arms(), p.phase(), p.step(), p.steps(), p.stepsPerSecond(),
                    taskStepsDone(p.steps()), running.size());
        } else if (event instanceof TrainingEvent.Evaluation || event instanceof TrainingEvent.Checkpoint) {
            // Evaluation metrics also ride on the Step; checkpoints are the run store's business.
            return;
        }
        offer(notices, event);
    }

    /**
     * Task steps done by all arms: each arm's last step; an arm that never reported and comes before one that started
     * was done before (a resume skips finished arms without replaying a start).
     */
    private long taskStepsDone(int steps) {
        long done = 0;
        List<String> names = arms;
        for (int i = 0; i < names.size(); i++) {
            Integer s = taskSteps.get(names.get(i));
            done += s != null ? s : i < lastStartedIndex ? steps : 0;
        }
        return done;
    }

    private <T> void offer(Bounded<T> queue, T item) {
        dropped.addAndGet(queue.add(item));
    }

    /** Takes everything buffered (FX thread, once per frame). */
    public Batch drain() {
        return new Batch(steps.drain(), notices.drain());
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

    /**
     * A lock-free queue that keeps at most {@code capacity} entries by dropping the oldest. The count may pass the
     * capacity for a moment while an add and a drain race; it never stays above it.
     */
    private static final class Bounded<T> {
        private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final int capacity;

        Bounded(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive, was " + capacity);
            }
            this.capacity = capacity;
        }

        /** Adds {@code item}; returns how many old entries were dropped to make room. */
        int add(T item) {
            queue.add(item);
            int drops = 0;
            if (size.incrementAndGet() > capacity) {
                while (size.get() > capacity && queue.poll() != null) {
                    size.decrementAndGet();
                    drops++;
                }
            }
            return drops;
        }

        /**
         * Takes the entries there when it starts (in order), not those added meanwhile: a drain racing a fast
         * producer would otherwise go on, and one frame's work would have no bound.
         */
        List<T> drain() {
            int n = size.get();
            List<T> out = new ArrayList<>(Math.max(0, n));
            for (int i = 0; i < n; i++) {
                T t = queue.poll();
                if (t == null) {
                    break;
                }
                size.decrementAndGet();
                out.add(t);
            }
            return out;
        }
    }
}
