package org.guidancelab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.optim.OptimizerState;
import org.guidancelab.engine.train.ArmState;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run store's files read back after damage: checkpoints (old format, cut, garbled) and a half-written row. */
class DamagedFilesTest {

    private static ArmState state(int step) {
        return new ArmState("arm", Phase.TASK, step, new float[] {1, 2, 3}, new float[0], 42L,
                new OptimizerState("adam", 7L, List.of(new float[] {0.5f, 0.25f, 0.125f})), new float[] {4, 5}, new float[] {6}, 9L);
    }

    @Test
    void aCheckpointReadsBackAndTheOneItReplacesIsKeptBeside(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("arm.ckpt");
        CheckpointFile.write(f, state(5));
        CheckpointFile.write(f, state(10));
        ArmState back = CheckpointFile.read(f);
        assertEquals(10, back.step());
        assertEquals(Phase.TASK, back.phase());
        assertArrayEquals(new float[] {1, 2, 3}, back.targetParams());
        assertEquals(state(10).optimizer(), back.optimizer());
        assertEquals(9L, back.guideRandom());
        assertEquals(5, CheckpointFile.read(CheckpointFile.previous(f)).step());
    }

    /**
     * The checkpoint's own name never goes missing while it is replaced (the previous one is kept by a link, not by
     * moving the file away): a reader polling it during 300 writes always finds a whole checkpoint, and nothing but
     * the two files is left behind.
     */
    @Test
    void aCheckpointBeingReplacedIsAlwaysThereToRead(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("arm.ckpt");
        CheckpointFile.write(f, state(0));
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            int last = 0;
            while (!done.get() && failure.get() == null) {
                try {
                    int step = CheckpointFile.read(f).step();
                    if (step < last) {
                        throw new AssertionError("read step " + step + " after " + last);
                    }
                    last = step;
                } catch (Throwable t) {
                    failure.set(t);
                }
            }
        });
        reader.start();
        for (int step = 1; step <= 300 && failure.get() == null; step++) {
            CheckpointFile.write(f, state(step));
        }
        done.set(true);
        reader.join();
        assertEquals(null, failure.get(), () -> "the reader failed: " + failure.get());
        assertEquals(300, CheckpointFile.read(f).step());
        assertEquals(299, CheckpointFile.read(CheckpointFile.previous(f)).step());
        try (var files = java.nio.file.Files.list(tmp)) {
            assertEquals(List.of("arm.ckpt", "arm.ckpt.prev"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aVersionOneCheckpointStillReads(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write("GLCKPT01".getBytes(StandardCharsets.US_ASCII));
            out.writeUTF("arm");
            out.writeInt(12);
            floats(out, 1, 2, 3);
            floats(out);
            out.writeLong(42L);
            out.writeUTF("adam");
            out.writeLong(12L);
            out.writeInt(1);
            floats(out, 0.5f, 0.25f, 0.125f);
            out.writeBoolean(true);
            floats(out, 4, 5);
            floats(out, 6);
        }
        Path f = tmp.resolve("old.ckpt");
        Files.write(f, bytes.toByteArray());
        ArmState s = CheckpointFile.read(f);
        assertEquals(12, s.step());
        assertEquals(Phase.TASK, s.phase());
        assertArrayEquals(new float[] {4, 5}, s.guideParams());
        assertEquals(12L, s.optimizer().updates());
    }

    private static void floats(DataOutputStream out, float... v) throws IOException {
        out.writeInt(v.length);
        for (float x : v) {
            out.writeFloat(x);
        }
    }

    @Test
    void everyCutOrFlippedByteOfACheckpointIsCaughtAndNamed(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("arm.ckpt");
        CheckpointFile.write(f, state(3));
        byte[] good = Files.readAllBytes(f);
        for (int n = 0; n < good.length; n++) {
            Files.write(f, java.util.Arrays.copyOf(good, n));
            CheckpointFile.DamagedException e = assertThrows(CheckpointFile.DamagedException.class, () -> CheckpointFile.read(f), "cut at " + n);
            assertEquals(f, e.file());
            assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        }
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x10;
            Files.write(f, bad);
            assertThrows(CheckpointFile.DamagedException.class, () -> CheckpointFile.read(f), "byte " + i + " flipped");
        }
    }

    @Test
    void aLastRowWithoutItsLineEndIsAHalfWrittenRowAndIsDropped(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("metrics.csv");
        // The cut fell inside the last cell: the cell count is right and the number parses, but the row is not whole.
        Files.writeString(f, "arm,phase,step,train/loss\na,task,1,0.5\na,task,2,0.12", StandardCharsets.UTF_8);
        List<MetricRow> rows = MetricsCsv.read(f);
        assertEquals(1, rows.size());
        assertEquals(0.5, rows.get(0).get("train/loss"));
        Files.writeString(f, "arm,phase,step,train/loss\na,task,1,0.5\na,task,2,0.125\n", StandardCharsets.UTF_8);
        assertEquals(2, MetricsCsv.read(f).size());
    }

    @Test
    void aStopDuringTheNoisePrephaseKeepsItsStepsAndResumeContinuesThem(@TempDir Path tmp) throws IOException {
        TaskData data = TinyExperiments.clusters(5, 200, 64);
        ExperimentSpec spec = TinyExperiments.experiment(8, ArmSpec.guidedUntrained("noise").withNoisePrephaseSteps(10));
        Path full = tmp.resolve("full");
        try (RunWriter w = RunWriter.createIn(full, spec)) {
            Trainer t = new Trainer(spec, data, TinyExperiments.options());
            t.addListener(w);
            assertEquals(RunStatus.FINISHED, t.run());
        }
        Path run = tmp.resolve("stopped");
        RunWriter writer = RunWriter.createIn(run, spec);
        Trainer trainer = new Trainer(spec, data, TinyExperiments.options());
        trainer.addListener(writer);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.NOISE_PREPHASE && s.step() == 4) {
                trainer.cancel();
            }
        });
        assertEquals(RunStatus.STOPPED, trainer.run());
        RunRecord stopped = RunReader.read(run);
        assertEquals(4, stopped.metrics().size());
        assertEquals(Phase.NOISE_PREPHASE, stopped.checkpoints().get("noise").phase());
        RunSession resumed = RunSession.resume(run, SessionOptions.defaults().withTrainer(TinyExperiments.options())
                .withData(d -> data));
        List<Integer> noiseSteps = new ArrayList<>();
        resumed.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.NOISE_PREPHASE) {
                noiseSteps.add(s.step());
            }
        });
        assertEquals(RunStatus.FINISHED, resumed.run().status());
        assertEquals(List.of("arm noise continues after noise-prephase step 4"), resumed.notes());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), noiseSteps, "the four kept steps replayed, then 5 to 10 trained");
        assertEquals(rows(full), rows(run));
        assertNull(RunReader.read(run).checkpointProblems().get("noise"));
    }

    private static List<String> rows(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (MetricRow r : RunReader.read(run).metrics()) {
            var m = new java.util.LinkedHashMap<>(r.metrics());
            m.keySet().removeIf(org.guidancelab.engine.train.Metrics::isTiming);
            out.add(r.arm() + " " + r.phase() + " " + r.step() + " " + m);
        }
        return out;
    }
}
