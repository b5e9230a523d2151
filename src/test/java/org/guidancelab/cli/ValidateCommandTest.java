package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return GuidanceLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aPresetValidatesWithItsTableAndPairs() {
        int code = run("validate", "presets/teaching-demo.json");
        String o = out.toString();
        assertEquals(0, code, o + err);
        assertTrue(o.contains("guide 'small-cnn'"), o);
        assertTrue(o.matches("(?s).*\\n\\s+1\\s+c1\\s+Conv2D\\s+\\[16, 28, 28]\\s+160\\s+tap\\n.*"), o);
        assertTrue(o.contains("total: 23,946 parameters"), o);
        assertTrue(o.contains("tap pairs (paper's rule"), o);
        assertTrue(o.contains("  guide c1 -> target fc1"), o);
        assertTrue(o.trim().endsWith("OK"), o);
    }

    @Test
    void everyPresetAndArchitectureIsValid() throws Exception {
        try (var s = Files.list(Path.of("presets"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertEquals(0, run("validate", p.toString()), p + ":\n" + out);
            }
        }
        try (var s = Files.list(Path.of("presets/architectures"))) {
            String[] args = s.map(Path::toString).sorted().toList().toArray(new String[0]);
            String[] all = new String[args.length + 1];
            all[0] = "validate";
            System.arraycopy(args, 0, all, 1, args.length);
            assertEquals(0, run(all), out.toString());
        }
    }

    @Test
    void aBrokenExperimentNamesTheLineAndTheLayer(@TempDir Path dir) throws Exception {
        String demo = Files.readString(Path.of("presets/teaching-demo.json"));
        // the target's first Dense becomes a convolution on a flat vector
        String broken = demo.replace("{\"type\": \"Dense\", \"name\": \"fc1\", \"units\": 64}",
                "{\"type\": \"Conv2D\", \"name\": \"conv3\", \"filters\": 8, \"kernel\": 3}");
        assertFalse(broken.equals(demo), "the test edit applies");
        int line = lineOf(broken, "\"conv3\"");
        Path f = dir.resolve("broken.json");
        Files.writeString(f, broken);
        int code = run("validate", f.toString());
        String o = out.toString();
        assertEquals(1, code, o);
        assertTrue(o.contains(f + ":" + line + ": target: Conv2D 'conv3' needs a [C,H,W] input but gets a vector [784]"), o);
        assertTrue(o.contains("1 problem"), o);
    }

    @Test
    void aValueOutOfRangeMapsToItsLine(@TempDir Path dir) throws Exception {
        String demo = Files.readString(Path.of("presets/teaching-demo.json"));
        String broken = demo.replace("\"batchSize\": 64", "\"batchSize\": 1");
        Path f = dir.resolve("batch.json");
        Files.writeString(f, broken);
        assertEquals(1, run("validate", f.toString()));
        assertTrue(out.toString().contains(f + ":" + lineOf(broken, "\"batchSize\": 1") + ": the batch size must be at least 2"), out.toString());
    }

    @Test
    void negativeStepsAndWarmupInAFileAreProblems(@TempDir Path dir) throws Exception {
        // what the builder refuses in its fields, validate refuses in a file
        String demo = Files.readString(Path.of("presets/teaching-demo.json"));
        String broken = demo.replace("\"steps\": 300", "\"steps\": -5")
                .replace("\"kind\": \"guided-untrained\"}", "\"kind\": \"guided-untrained\", \"guidanceSteps\": -5}");
        assertTrue(broken.contains("\"steps\": -5") && broken.contains("\"guidanceSteps\": -5"), "the test edits apply");
        Path f = dir.resolve("negative.json");
        Files.writeString(f, broken);
        assertEquals(1, run("validate", f.toString()));
        String o = out.toString();
        assertTrue(o.contains(f + ":" + lineOf(broken, "\"steps\": -5") + ": steps must be above 0, got -5"), o);
        assertTrue(o.contains(f + ":" + lineOf(broken, "\"guidanceSteps\": -5") + ": guidanceSteps must be 0 or more, got -5"), o);
    }

    @Test
    void anUnparsableFileIsAProblemWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("net.json");
        Files.writeString(f, "{\n \"schemaVersion\": 1,\n \"name\": \"n\",\n \"layers\": [\n  {\"type\": \"Dense\", \"name\": \"d\", \"units\": -2}\n ]\n}\n");
        assertEquals(1, run("validate", f.toString()));
        assertTrue(out.toString().contains(f + ":5 at $.layers[0].units: units must be at least 1, got -2"), out.toString());
    }

    @Test
    void networkFilesGetShapeDiagnosticsWithLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("net.json");
        Files.writeString(f, "{\n \"schemaVersion\": 1,\n \"name\": \"n\",\n \"layers\": [\n  {\"type\": \"Input\", \"name\": \"in\", \"shape\": [8]},\n"
                + "  {\"type\": \"Dense\", \"name\": \"d\", \"units\": 4, \"tap\": false}\n ]\n}\n");
        assertEquals(1, run("validate", f.toString()));
        String o = out.toString();
        assertTrue(o.contains(f + ":6: Dense 'd' is the last layer, but a network must end with an Output"), o);
        assertTrue(o.contains(f + ":1: warning: the network has no tapped layer"), o);
    }

    @Test
    void mismatchedShapesInANetworkFileNameTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("reshape.json");
        Files.writeString(f, String.join("\n", "{\"schemaVersion\": 1, \"name\": \"n\", \"layers\": [",
                "  {\"type\": \"Input\", \"name\": \"in\", \"shape\": [784]},",
                "  {\"type\": \"Reshape\", \"name\": \"img\",",
                "   \"shape\": [1, 28, 27]},",
                "  {\"type\": \"Conv2D\", \"name\": \"c\", \"filters\": 4, \"kernel\": 3},",
                "  {\"type\": \"GlobalAvgPool\", \"name\": \"gap\"},",
                "  {\"type\": \"Output\", \"name\": \"out\", \"classes\": 10}]}"));
        assertEquals(1, run("validate", f.toString()));
        String o = out.toString();
        assertTrue(o.contains(f + ":4: Reshape 'img' cannot turn [784] (784 values) into [1, 28, 27] (756 values)"), o);
        assertTrue(o.contains("  1  img    Reshape        ?"), o);
    }

    @Test
    void manualPairsAreListedAsGiven(@TempDir Path dir) throws Exception {
        String demo = Files.readString(Path.of("presets/teaching-demo.json"));
        String manual = demo.replace("\"pairing\": {\"mode\": \"rule\"}",
                "\"pairing\": {\"mode\": \"manual\", \"pairs\": [{\"guide\": \"c3\", \"target\": \"fc2\"}]}");
        Path f = dir.resolve("manual.json");
        Files.writeString(f, manual);
        assertEquals(0, run("validate", f.toString()), out.toString());
        assertTrue(out.toString().contains("tap pairs (manual): 1\n  guide c3 -> target fc2\n"), out.toString());
    }

    @Test
    void unreadableFilesExitWithTwo(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertEquals(2, run("validate", "presets/teaching-demo.json", missing.toString()));
        assertTrue(out.toString().contains(missing + ": cannot read the file"), out.toString());
    }

    @Test
    void presetsListsTitlesAndArchitectures() {
        assertEquals(0, run("presets", "--descriptions"));
        String o = out.toString();
        assertTrue(o.matches("(?s).*teaching-demo.json +Teaching demo: a deep MLP guided by a CNN  \\(default\\).*"), o);
        assertTrue(o.contains("architectures/small-resnet.json"), o);
        assertTrue(o.contains("it copies clearly more"), o);
    }

    private static int lineOf(String text, String needle) {
        int idx = text.indexOf(needle);
        return (int) text.substring(0, idx).chars().filter(c -> c == '\n').count() + 1;
    }
}
