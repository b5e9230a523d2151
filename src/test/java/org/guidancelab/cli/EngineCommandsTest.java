package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.GramCka;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.runs.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int exec(String... args) {
        return GuidanceLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    static ExperimentSpec blobsExperiment() {
        return TinyExperiments.blobs("Blobs CLI test", 12, 4, ArmSpec.baseline("baseline"), ArmSpec.guidedUntrained("guided"),
                ArmSpec.guidedUntrained("warmup").withGuidanceSteps(3));
    }

    @Test
    void runTrainsTheChosenArmsIntoARunFolderAndPrintsATable(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("blobs.json");
        Files.writeString(file, ExperimentJson.write(blobsExperiment()));
        int code = exec("run", file.toString(), "--steps", "8", "--arms", "baseline,guided", "--seed", "9", "--out", tmp.resolve("runs").toString());
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("mean pair CKA"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("baseline ")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("guided ")), text);
        assertTrue(text.lines().noneMatch(l -> l.startsWith("warmup ")), text);
        assertTrue(text.contains("status: finished"), text);
        assertTrue(err.toString().contains("step 8/8"), err.toString());
        Path runDir;
        try (Stream<Path> dirs = Files.list(tmp.resolve("runs"))) {
            runDir = dirs.findFirst().orElseThrow();
        }
        RunRecord r = RunReader.read(runDir);
        assertEquals(16, r.metrics().size());
        assertEquals(9L, r.experiment().training().seed());
        assertEquals(8, r.experiment().training().steps());
    }

    @Test
    void runNamesAnUnknownArmAndAMissingPreset(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("blobs.json");
        Files.writeString(file, ExperimentJson.write(blobsExperiment()));
        assertEquals(2, exec("run", file.toString(), "--arms", "guided,nope", "--out", tmp.toString()));
        assertTrue(err.toString().contains("--arms: no arm called 'nope'; the arms are baseline, guided, warmup"), err.toString());
        assertEquals(2, exec("run", "no-such-preset-or-file", "--out", tmp.toString()));
        assertTrue(err.toString().contains("'no-such-preset-or-file' is neither a file nor a preset; presets: "), err.toString());
    }

    @Test
    void resumeContinuesAStoppedRun(@TempDir Path tmp) throws Exception {
        ExperimentSpec spec = blobsExperiment();
        RunWriter writer = RunWriter.create(tmp, spec);
        Trainer trainer = new Trainer(spec, DatasetFactory.create("blobs", spec.dataset().params()));
        trainer.addListener(writer);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.arm().equals("guided") && s.step() == 5) {
                trainer.cancel();
            }
        });
        assertEquals(RunStatus.STOPPED, trainer.run());
        assertEquals(0, exec("resume", writer.directory().toString()), err.toString());
        assertTrue(out.toString().contains("arm guided continues after step 5"), out.toString());
        for (String arm : List.of("baseline", "guided", "warmup")) {
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith(arm + " ")),
                    "the table has every arm, the one finished before the stop too: " + out);
        }
        RunRecord r = RunReader.read(writer.directory());
        assertEquals(RunStatus.FINISHED, r.status().status());
        for (String arm : List.of("baseline", "guided", "warmup")) {
            assertEquals(12, r.taskRows(arm).size(), arm);
        }
        assertEquals(2, exec("resume", tmp.resolve("nothing-here").toString()));
    }

    @Test
    void ckaOfTwoCsvFiles(@TempDir Path tmp) throws Exception {
        double[][] x = new double[10][3];
        double[][] y = new double[10][2];
        StringBuilder xs = new StringBuilder("a,b,c\n");
        StringBuilder ys = new StringBuilder();
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = x[i][0] + 0.1 * r.nextGaussian();
            y[i][1] = r.nextGaussian();
            xs.append(x[i][0]).append(',').append(x[i][1]).append(',').append(x[i][2]).append('\n');
            ys.append(y[i][0]).append(',').append(y[i][1]).append('\n');
        }
        Files.writeString(tmp.resolve("x.csv"), xs);
        Files.writeString(tmp.resolve("y.csv"), ys);
        assertEquals(0, exec("cka", tmp.resolve("x.csv").toString(), tmp.resolve("y.csv").toString()));
        String expected = String.format(Locale.ROOT, "%.6f", GramCka.cka(x, y, CkaEstimator.BIASED));
        assertTrue(out.toString().startsWith(expected + System.lineSeparator()), out.toString());
        assertEquals(0, exec("cka", tmp.resolve("x.csv").toString(), tmp.resolve("y.csv").toString(), "--unbiased"));
        assertTrue(out.toString().contains(String.format(Locale.ROOT, "%.6f", GramCka.cka(x, y, CkaEstimator.UNBIASED))));
        assertTrue(out.toString().contains("unbiased minibatch estimator"));
        Files.writeString(tmp.resolve("bad.csv"), "1,2\n3,x\n");
        assertEquals(2, exec("cka", tmp.resolve("x.csv").toString(), tmp.resolve("bad.csv").toString()));
        assertTrue(err.toString().contains("bad.csv:2:2: 'x' is not a number"), err.toString());
        Files.writeString(tmp.resolve("short.csv"), "1,2\n3,4\n");
        assertEquals(2, exec("cka", tmp.resolve("x.csv").toString(), tmp.resolve("short.csv").toString()));
        assertTrue(err.toString().contains("has 10 rows but"), err.toString());
    }
}
