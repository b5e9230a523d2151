package org.guidancelab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.runs.CliProcess;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.runs.RunReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sweep} command in a child JVM that dies: kill -9 in the middle of the sweep, then the same command again
 * completes the missing cells only (the finished ones are not touched, the cut one continues); Ctrl-C (SIGTERM) stops
 * the cells under way between steps with a checkpoint, and the next run continues them.
 */
class SweepProcessTest {
    /** Six cells of two arms of 1500 steps on blobs, a few seconds each in a child JVM; checkpoints every 100 steps. */
    static final String BODY = "  \"set\": {\"training.checkpointInterval\": 100, \"training.evalInterval\": 100},\n"
            + "  \"axes\": [{\"path\": \"arms[guided].warmup\", \"values\": [0, 500, 1500]}],\n  \"seeds\": 2";
    static final Duration MIDWAY = Duration.ofSeconds(150);

    @TempDir
    Path tmp;

    private Path sweepFile() throws IOException {
        return SweepFixtures.writeSweep(tmp.resolve("files"), "tiny-warmup.json", 1500, BODY);
    }

    /** Finished cell folders (cells/ID). */
    private static List<String> finished(Path dir) {
        Path cells = dir.resolve(SweepFolder.CELLS);
        if (!Files.isDirectory(cells)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cells)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether a cell under way (cells/.ID.tmp) has recorded more than {@code rows} metrics rows. */
    private static boolean underWay(Path dir, int rows) {
        Path cells = dir.resolve(SweepFolder.CELLS);
        if (!Files.isDirectory(cells)) {
            return false;
        }
        try (Stream<Path> s = Files.list(cells)) {
            for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".tmp")).toList()) {
                Path m = p.resolve(RunFiles.METRICS);
                if (Files.isRegularFile(m) && Files.size(m) > 0) {
                    try (Stream<String> lines = Files.lines(m)) {
                        if (lines.count() > rows) {
                            return true;
                        }
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
        return false;
    }

    @Test
    void killDashNineThenTheSameCommandCompletesTheMissingCellsOnly() throws Exception {
        Path file = sweepFile();
        Path dir = tmp.resolve("sweep");
        String[] args = {"sweep", file.toString(), "--jobs", "2", "--out", dir.toString(), "--no-figures"};
        CliProcess p = CliProcess.start(tmp.resolve("logs"), args);
        p.awaitWhileRunning("a finished cell and another one under way", MIDWAY,
                () -> !finished(dir).isEmpty() && underWay(dir, 200));
        CliProcess.Result killed = p.kill();
        assertEquals(137, killed.exitCode(), killed.toString());
        List<String> before = finished(dir);
        assertTrue(before.size() < 6, "killed midway: " + before);
        Map<String, String> untouched = SweepRunnerTest.snapshot(dir.resolve(SweepFolder.CELLS));
        untouched.keySet().removeIf(k -> k.startsWith("."));

        CliProcess.Result again = CliProcess.start(tmp.resolve("logs"), args).await().assertNoStackTrace();
        assertEquals(0, again.exitCode(), again.toString());
        Matcher m = Pattern.compile("trained (\\d+) cells? \\((\\d+) continued a stopped or cut run\\), (\\d+) had finished "
                + "before").matcher(again.out());
        assertTrue(m.find(), again.toString());
        int trained = Integer.parseInt(m.group(1));
        int continued = Integer.parseInt(m.group(2));
        assertEquals(before.size(), Integer.parseInt(m.group(3)), "the cells finished before the kill are skipped");
        assertTrue(trained <= 6 - before.size() && trained >= 6 - before.size() - 2, again.toString());
        assertTrue(continued >= 1, "the cut cell continues: " + again);
        assertTrue(again.out().contains("cells: 6 of 6 finished"), again.toString());
        Map<String, String> after = SweepRunnerTest.snapshot(dir.resolve(SweepFolder.CELLS));
        for (Map.Entry<String, String> e : untouched.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), "finished before the kill, untouched: " + e.getKey());
        }
        assertEquals(6, finished(dir).size());
        assertEquals(12, new SweepFolder(dir).readSummary().size());
        assertEquals("finished", new SweepFolder(dir).readStatus().state());
        try (Stream<Path> s = Files.list(dir.resolve(SweepFolder.CELLS))) {
            assertTrue(s.noneMatch(x -> x.getFileName().toString().endsWith(".tmp")), "no temporary folder left");
        }
        for (String id : finished(dir)) {
            assertEquals(RunStatus.FINISHED, RunReader.read(dir.resolve(SweepFolder.CELLS).resolve(id)).status().status());
        }
    }

    @Test
    void ctrlCStopsTheCellsUnderWayAndTheNextRunContinuesThem() throws Exception {
        Path file = sweepFile();
        Path dir = tmp.resolve("sweep");
        String[] args = {"sweep", file.toString(), "--jobs", "2", "--out", dir.toString(), "--no-figures"};
        CliProcess p = CliProcess.start(tmp.resolve("logs"), args);
        p.awaitWhileRunning("a cell under way", MIDWAY, () -> underWay(dir, 200));
        CliProcess.Result stopped = p.terminate().assertNoStackTrace();
        // SIGTERM ends the JVM with 143 once the shutdown hook has stopped the cells (an interactive Ctrl-C exits 3)
        assertEquals(143, stopped.exitCode(), stopped.toString());
        assertTrue(stopped.err().contains("stopped (the next run continues it)"), stopped.toString());
        SweepStatus status = new SweepFolder(dir).readStatus();
        assertEquals("stopped", status.state());
        assertTrue(status.count(CellStatus.STOPPED) >= 1, status.toString());
        assertFalse(status.count(CellStatus.FINISHED) == 6);

        CliProcess.Result again = CliProcess.start(tmp.resolve("logs"), args).await().assertNoStackTrace();
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.err().contains("continues after step"), "a stopped arm continues from its checkpoint: " + again);
        assertTrue(again.out().contains("cells: 6 of 6 finished"), again.toString());
    }
}
