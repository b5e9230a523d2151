package org.guidancelab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.experiment.TrainingSpec;

/** Tiny experiments on 2-d blobs (a few ms a step) and sweep files over them, for the sweep tests. */
final class SweepFixtures {
    static final String BASE = "tiny.json";

    private SweepFixtures() {
    }

    /** A baseline and a guided arm on 200 blobs; {@code steps} task steps, evaluation every 10. */
    static ExperimentSpec tiny(int steps) {
        NetworkSpec target = new NetworkSpec("target", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("t1", 16, ActivationFn.RELU), Layers.Dense.of("t2", 16, ActivationFn.RELU),
                new Layers.Output("out", 3, false)));
        NetworkSpec guide = new NetworkSpec("guide", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("g1", 32, ActivationFn.TANH), new Layers.Output("out", 3, false)));
        return new ExperimentSpec("Tiny", "", guide, target,
                new DatasetSpec("blobs", Map.of("train", 200, "validation", 64, "test", 10, "seed", 3)),
                List.of(ArmSpec.baseline("baseline"), ArmSpec.guidedUntrained("guided")),
                new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 32, steps, 10, 0, 5L),
                Pairing.rule());
    }

    /** Writes the tiny experiment as {@code dir/tiny.json}. */
    static Path writeBase(Path dir, int steps) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(BASE);
        Files.writeString(f, ExperimentJson.write(tiny(steps)));
        return f;
    }

    /** A sweep file in {@code dir} over the tiny base ({@code body}: the fields after "base", one per line). */
    static Path writeSweep(Path dir, String name, int steps, String body) throws IOException {
        writeBase(dir, steps);
        Path f = dir.resolve(name);
        Files.writeString(f, sweepText(body));
        return f;
    }

    static String sweepText(String body) {
        return "{\n"
                + "  \"schemaVersion\": 1,\n"
                + "  \"title\": \"tiny sweep\",\n"
                + "  \"base\": {\"file\": \"" + BASE + "\"},\n"
                + body + "\n"
                + "}\n";
    }

    static SweepFile read(Path f) throws IOException, SpecFormatException {
        return SweepJson.read(f);
    }

    static SweepPlan plan(Path f) throws IOException, SpecFormatException, SweepException {
        return SweepPlan.expand(SweepJson.read(f), PresetCatalog.load());
    }
}
