package org.guidancelab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.guidancelab.experiment.TrainingSpec;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepJson;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepSummary;

/** Tiny sweeps for the Spark tests (2-d blobs, a baseline and a guided arm, a few ms a step), and how to compare them. */
final class SparkSweepFixture {
    private SparkSweepFixture() {
    }

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

    /** Writes {@code dir/NAME.json}, a sweep over the tiny base ({@code axes}: the JSON of its axes and seeds). */
    static Path write(Path dir, String name, int steps, String axes) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tiny.json"), ExperimentJson.write(tiny(steps)));
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, "{\n  \"schemaVersion\": 1,\n  \"title\": \"" + name + "\",\n"
                + "  \"base\": {\"file\": \"tiny.json\"},\n" + axes + "\n}\n");
        return f;
    }

    static SweepPlan plan(Path sweepFile) throws Exception {
        return SweepPlan.expand(SweepJson.read(sweepFile), PresetCatalog.load());
    }

    /**
     * summary.csv row by row, each number as its bits, leaving out the wall-time column (the one measure that differs
     * between two runs of the same cell).
     */
    static List<String> summaryBits(Path sweepDir) throws IOException {
        List<String> out = new ArrayList<>();
        for (SweepSummary.Row r : new SweepFolder(sweepDir).readSummary()) {
            StringBuilder b = new StringBuilder().append(r.axes()).append(' ').append(r.seed()).append(' ').append(r.cell())
                    .append(' ').append(r.arm()).append(' ').append(r.folder()).append(' ').append(r.status());
            for (String m : SweepSummary.METRICS) {
                if (!m.equals("task_seconds")) {
                    b.append(' ').append(m).append('=').append(Long.toHexString(Double.doubleToRawLongBits(r.get(m))));
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    /** The files of a sweep folder, relative, sorted (the figures left out: the CLI writes them at the end). */
    static List<String> layout(Path sweepDir) throws IOException {
        try (Stream<Path> s = Files.walk(sweepDir)) {
            return s.filter(Files::isRegularFile).map(p -> sweepDir.relativize(p).toString())
                    .filter(p -> !p.startsWith(SweepFolder.FIGURES)).sorted().toList();
        }
    }

    static long rowsOf(Path sweepDir, String cell) throws IOException {
        return new SweepFolder(sweepDir).readSummary().stream().filter(r -> r.cell().equals(cell)).count();
    }
}
