package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad option of every subcommand is one line "error: ..." naming the option and the value, exit code 2, and
 * never a stack trace. Arguments may use {@code @tmp} (an empty folder) and {@code @file} (an existing plain file).
 */
class CliOptionsTest {
    @TempDir
    Path tmp;

    private Path file;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void fixtures() throws Exception {
        file = Files.writeString(tmp.resolve("plain.txt"), "not a folder\n");
    }

    static Stream<Arguments> runOptions() {
        return Stream.of(
                bad("run teaching-demo --threads 0", "--threads must be at least 1, got 0"),
                bad("run teaching-demo --threads -3", "--threads must be at least 1, got -3"),
                bad("run teaching-demo --threads two", "--threads", "'two'"),
                bad("run teaching-demo --steps 0", "--steps must be at least 1, got 0"),
                bad("run teaching-demo --steps 1.5", "--steps", "'1.5'"),
                bad("run teaching-demo --seed x", "--seed", "'x'"),
                bad("run teaching-demo --arms baseline,nope", "--arms: no arm called 'nope'"),
                bad("run teaching-demo --out @file", "--out: not a folder: @file"),
                bad("run no-such-preset", "'no-such-preset' is neither a file nor a preset"),
                bad("run teaching-demo --bogus", "Unknown option: '--bogus'"),
                bad("run", "Missing required parameter: 'PRESET_OR_FILE'"));
    }

    static Stream<Arguments> resumeOptions() {
        return Stream.of(
                bad("resume @tmp --threads 0", "--threads must be at least 1, got 0"),
                bad("resume @tmp --threads many", "--threads", "'many'"),
                bad("resume @tmp/none", "@tmp/none is not a run folder"),
                bad("resume", "Missing required parameter: 'RUN_DIR'"));
    }

    static Stream<Arguments> figuresOptions() {
        return Stream.of(
                bad("figures @tmp --format pdf", "--format: unknown figure format 'pdf': expected png or svg"),
                bad("figures @tmp --scale 0", "--scale must be in (0, 8.0], got 0.0"),
                bad("figures @tmp --scale 9", "--scale must be in (0, 8.0], got 9.0"),
                bad("figures @tmp --scale NaN", "--scale must be in (0, 8.0], got NaN"),
                bad("figures @tmp --scale big", "--scale", "'big'"),
                bad("figures @tmp --smoothing 1", "--smoothing must be in [0, 1), got 1.0"),
                bad("figures @tmp --smoothing -0.5", "--smoothing must be in [0, 1), got -0.5"),
                bad("figures @tmp --smoothing NaN", "--smoothing must be in [0, 1), got NaN"),
                bad("figures @tmp --out @file", "--out: not a folder: @file"),
                bad("figures @tmp/none", "@tmp/none is not a run folder"));
    }

    static Stream<Arguments> dataOptions() {
        return Stream.of(
                bad("data show shapes --count 0", "--count must be at least 1, got 0"),
                bad("data show shapes --count lots", "--count", "'lots'"),
                bad("data show shapes --split foo", "--split must be train, validation or test, got 'foo'"),
                bad("data show shapes -p train", "--param: 'train' is not of the form key=value"),
                bad("data show shapez", "unknown dataset 'shapez'"),
                bad("data show copy -p train=many", "parameter 'train' = \"many\" must be a number"),
                bad("data show shapes -o @tmp/none/grid.png", "--out: no such folder: @tmp/none"),
                bad("data show shapes -o @tmp", "--out: not a file: @tmp"),
                bad("data show", "Missing required parameter"),
                bad("data bogus", "'bogus'"));
    }

    static Stream<Arguments> benchOptions() {
        return Stream.of(
                bad("bench --threads 0", "--threads must be at least 1, got 0"),
                bad("bench --steps 1", "--steps must be at least 2, got 1"),
                bad("bench --warmup -1", "--warmup must be at least 0, got -1"),
                bad("bench --repeats 0", "--repeats must be at least 1, got 0"),
                bad("bench --settle -5", "--settle must be at least 0, got -5"),
                bad("bench --settle-window 0", "--settle-window must be at least 1, got 0"),
                bad("bench --memory -1", "--memory must be at least 0, got -1"),
                bad("bench --memory-every 0", "--memory-every must be at least 1, got 0"),
                bad("bench --workload foo", "--workload must be mlp, fcn-cnn, rnn-transformer, convnet, transformer-rnn, lstm-transformer or all, got 'foo'"),
                bad("bench --peer @tmp/peer.py", "--peer: no such file: @tmp/peer.py"),
                bad("bench --python=", "--python must not be blank"),
                bad("bench --steps x", "--steps", "'x'"));
    }

    static Stream<Arguments> reproduceOptions() {
        return Stream.of(
                bad("reproduce --seeds 0 --out @tmp", "--seeds must be at least 1, got 0"),
                bad("reproduce --seeds x --out @tmp", "--seeds", "'x'"),
                bad("reproduce --jobs 0 --out @tmp", "--jobs must be at least 1, got 0"),
                bad("reproduce --threads 0 --out @tmp", "--threads must be at least 1, got 0"),
                bad("reproduce --only deep-fcn,nope --out @tmp", "--only: no finding called 'nope'"),
                bad("reproduce --out @file", "--out: not a folder: @file"),
                bad("reproduce --step-divisor 0 --out @tmp", "--step-divisor must be at least 1, got 0"),
                bad("reproduce --test-steps -1 --out @tmp", "--test-steps must be at least 0, got -1"),
                bad("reproduce --test-examples -2 --out @tmp", "--test-examples must be at least 0, got -2"));
    }

    static Stream<Arguments> otherCommands() {
        return Stream.of(
                bad("validate", "Missing required parameter: 'FILE'"),
                bad("presets --bogus", "Unknown option: '--bogus'"),
                bad("cka @file", "Missing required parameter: 'Y.csv'"),
                bad("--bogus", "Unknown option: '--bogus'"),
                bad("nosuchcommand", "'nosuchcommand'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runOptions")
    void run(String args, List<String> fragments) {
        assertUsageError(args, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resumeOptions")
    void resume(String args, List<String> fragments) {
        assertUsageError(args, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("figuresOptions")
    void figures(String args, List<String> fragments) {
        assertUsageError(args, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataOptions")
    void data(String args, List<String> fragments) {
        assertUsageError(args, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchOptions")
    void bench(String args, List<String> fragments) {
        assertUsageError(args, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reproduceOptions")
    void reproduce(String args, List<String> fragments) {
        assertUsageError(args, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherCommands")
    void other(String args, List<String> fragments) {
        assertUsageError(args, fragments);
    }

    private static Arguments bad(String args, String... fragments) {
        return Arguments.of(args, List.of(fragments));
    }

    private void assertUsageError(String args, List<String> fragments) {
        String[] argv = Arrays.stream(args.split(" ")).map(this::resolve).toArray(String[]::new);
        int code = GuidanceLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(argv);
        String e = err.toString();
        assertEquals(2, code, e);
        assertNoStackTrace(e + out);
        List<String> errorLines = e.lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errorLines.size(), "one error line: " + e);
        assertTrue(e.lines().count() <= 2, "the error line and at most a hint: " + e);
        for (String f : fragments) {
            assertTrue(errorLines.get(0).contains(resolve(f)), "'" + resolve(f) + "' in: " + e);
        }
    }

    static void assertNoStackTrace(String text) {
        assertFalse(text.contains("Exception"), text);
        assertFalse(text.contains("\tat "), text);
    }

    private String resolve(String s) {
        return s.replace("@tmp", tmp.toString()).replace("@file", file.toString());
    }
}
