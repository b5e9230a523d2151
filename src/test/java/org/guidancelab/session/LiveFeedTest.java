package org.guidancelab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmKind;
import org.junit.jupiter.api.Test;

/** The hand-over buffers, the pause gate and the progress arithmetic, without JavaFX. */
class LiveFeedTest {
    private static TrainingEvent.Step step(String arm, int s) {
        return new TrainingEvent.Step(arm, Phase.TASK, s, Map.of(Metrics.TRAIN_LOSS, 1.0 / s,
                Metrics.STEPS_PER_SECOND, 50.0));
    }

    @Test
    void drainHandsOverEverySinceTheLastDrainInOrder() {
        LiveFeed feed = new LiveFeed();
        feed.onEvent(new TrainingEvent.RunStarted(List.of("a", "b"), 100, 2));
        feed.onEvent(new TrainingEvent.ArmStarted("a", 0, ArmKind.BASELINE, 100, 0));
        for (int s = 1; s <= 5; s++) {
            feed.onEvent(step("a", s));
        }
        LiveFeed.Batch b = feed.drain();
        assertEquals(List.of(1, 2, 3, 4, 5), b.steps().stream().map(TrainingEvent.Step::step).toList());
        assertEquals(2, b.notices().size());
        assertTrue(feed.drain().isEmpty(), "a second drain has nothing new");
        assertEquals(List.of("a", "b"), feed.arms());
    }

    @Test
    void aFullBufferDropsTheOldestAndCountsThemWithoutBlockingTraining() {
        LiveFeed feed = new LiveFeed(4, 2);
        for (int s = 1; s <= 10; s++) {
            feed.onEvent(step("a", s));
        }
        assertEquals(List.of(7, 8, 9, 10), feed.drain().steps().stream().map(TrainingEvent.Step::step).toList());
        assertEquals(6, feed.dropped());
    }

    @Test
    void drainsRacingATrainingThreadLoseNothingButCountedDropsAndKeepTheOrder() throws Exception {
        LiveFeed feed = new LiveFeed(64, 8);
        int total = 200_000;
        Thread trainer = new Thread(() -> {
            for (int s = 1; s <= total; s++) {
                feed.onEvent(step("a", s));
            }
        });
        trainer.start();
        List<Integer> seen = new java.util.ArrayList<>();
        int largestBatch = 0;
        while (trainer.isAlive() || !seen.isEmpty() && seen.get(seen.size() - 1) < total) {
            List<TrainingEvent.Step> batch = feed.drain().steps();
            largestBatch = Math.max(largestBatch, batch.size());
            batch.forEach(s -> seen.add(s.step()));
            if (!trainer.isAlive() && batch.isEmpty()) {
                break;
            }
        }
        trainer.join();
        feed.drain().steps().forEach(s -> seen.add(s.step()));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) > seen.get(i - 1), "steps arrive in order, at " + i);
        }
        assertEquals(total, seen.get(seen.size() - 1), "the last step is never dropped");
        assertEquals(total, seen.size() + feed.dropped(), "every step is either handed over or counted as dropped");
        // a drain takes what was there when it began (the capacity, plus the one add in flight that has not
        // dropped the oldest yet): one frame's work stays bounded
        assertTrue(largestBatch <= 64 + 1, "largest batch " + largestBatch);
    }

    @Test
    void guideTrainingStepsMoveProgressButNotTheCurves() {
        LiveFeed feed = new LiveFeed();
        feed.onEvent(new TrainingEvent.RunStarted(List.of("g"), 100, 1));
        feed.onEvent(new TrainingEvent.ArmStarted("g", 0, ArmKind.GUIDED_TRAINED, 100, 0));
        feed.onEvent(new TrainingEvent.Step("g", Phase.GUIDE_TRAINING, 7, Map.of(Metrics.TRAIN_LOSS, 2.0)));
        assertEquals(Phase.GUIDE_TRAINING, feed.progress().phase());
        assertEquals(7, feed.progress().step());
        assertTrue(feed.drain().steps().isEmpty());
    }

    @Test
    void progressCountsEveryArmsStepsAndTheTimeLeftAtTheCurrentRate() {
        LiveFeed feed = new LiveFeed();
        feed.onEvent(new TrainingEvent.RunStarted(List.of("a", "b"), 100, 0));
        feed.onEvent(new TrainingEvent.ArmStarted("b", 1, ArmKind.BASELINE, 100, 0));
        feed.onEvent(step("b", 50));
        Progress p = feed.progress();
        assertEquals("b", p.arm());
        assertEquals(0.75, p.fraction(), 1e-12);
        assertEquals(50 / 50.0, p.secondsLeft(), 1e-12);
        assertTrue(Double.isNaN(Progress.NONE.secondsLeft()));
    }

    @Test
    void armsTakingTurnsCountTogetherAndAreReportedAsRunningSideBySide() {
        LiveFeed feed = new LiveFeed();
        feed.onEvent(new TrainingEvent.RunStarted(List.of("a", "b"), 100, 0));
        feed.onEvent(new TrainingEvent.ArmStarted("a", 0, ArmKind.BASELINE, 100, 0));
        feed.onEvent(new TrainingEvent.ArmStarted("b", 1, ArmKind.BASELINE, 100, 0));
        feed.onEvent(step("a", 30));
        feed.onEvent(step("b", 30));
        Progress p = feed.progress();
        assertEquals(2, p.running());
        assertEquals(0.3, p.fraction(), 1e-12, "60 of 200 task steps");
        assertEquals(140 / 50.0, p.secondsLeft(), 1e-12, "the arms share one thread: one arm's rate for all");
        feed.onEvent(step("a", 100));
        feed.onEvent(new TrainingEvent.ArmFinished("a", 100, false));
        assertEquals(1, feed.progress().running());
        assertEquals(0.65, feed.progress().fraction(), 1e-12);
    }

    @Test
    void theGateHoldsTheTrainingThreadAtAStepUntilResumedOrReleased() throws Exception {
        PauseGate gate = new PauseGate();
        gate.pause();
        CountDownLatch passed = new CountDownLatch(1);
        Thread trainer = new Thread(() -> {
            gate.onEvent(step("a", 1));
            passed.countDown();
        });
        trainer.setDaemon(true);
        trainer.start();
        while (!gate.isHolding()) {
            Thread.onSpinWait();
        }
        assertEquals(1, passed.getCount(), "held while paused");
        gate.resume();
        assertTrue(passed.await(10, TimeUnit.SECONDS));
        assertFalse(gate.isHolding());
    }

    @Test
    void aReleasedGateCannotBePausedAgainSoAStoppedRunNeverWaits() {
        PauseGate gate = new PauseGate();
        gate.release();
        gate.pause();
        assertFalse(gate.isPaused());
        gate.onEvent(step("a", 1)); // returns at once
        assertFalse(gate.isHolding());
    }
}
