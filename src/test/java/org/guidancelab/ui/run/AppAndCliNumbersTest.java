package org.guidancelab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.guidancelab.cli.GuidanceLabCommand;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.runs.ComparableRun;
import org.guidancelab.runs.RunReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The same experiment trained from the app's run service and with the {@code run} command records the same bits. */
@ExtendWith(ApplicationExtension.class)
class AppAndCliNumbersTest {
    private static final int STEPS = 40;

    @TempDir
    Path tmp;

    @Test
    void theAppAndTheRunCommandRecordIdenticalMetricsAndHeatmaps() throws Exception {
        PresetCatalog catalog = PresetCatalog.load();
        ExperimentSpec spec = PresetCatalog.experiment(catalog.find(PresetCatalog.DEFAULT_PRESET));
        spec = spec.withTraining(spec.training().withSteps(STEPS));

        List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
        TrainingService service = new TrainingService(RunSettings.defaults().withRunsDir(tmp.resolve("app")));
        service.addOnFinished(outcomes::add);
        ExperimentSpec fromBuilder = spec;
        WaitForAsyncUtils.asyncFx(() -> service.submit(RunJob.fresh(fromBuilder))).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !outcomes.isEmpty());
        WaitForAsyncUtils.asyncFx(service::shutdown).get(30, TimeUnit.SECONDS);
        assertEquals(RunStatus.FINISHED, outcomes.get(0).status(), outcomes.get(0).message());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GuidanceLabCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("run", "teaching-demo", "--steps", String.valueOf(STEPS), "--out", tmp.resolve("cli").toString());
        assertEquals(0, code, err.toString());

        List<String> app = ComparableRun.of(RunReader.read(outcomes.get(0).dir()));
        List<String> cli = ComparableRun.of(RunReader.read(onlyRun(tmp.resolve("cli"))));
        assertFalse(app.isEmpty());
        assertEquals(cli, app);
    }

    private static Path onlyRun(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }
}
