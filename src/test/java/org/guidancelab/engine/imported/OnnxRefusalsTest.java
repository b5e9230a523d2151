package org.guidancelab.engine.imported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a conversion is refused gives one line naming the file and the node or tap at fault, and writes nothing:
 * the output (here an existing older guide) is left as it was and no temporary file remains. The crash case makes the
 * child JVM die natively (SIGSEGV) and checks this JVM reports it and goes on.
 */
class OnnxRefusalsTest {
    @TempDir
    Path dir;

    private static final byte[] OLD = "an older guide".getBytes();

    static String refused(Executable conversion) {
        GuideImportException e = assertThrows(GuideImportException.class, conversion);
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertFalse(m.contains("\tat ") || m.contains("Exception:"), "no stack trace: " + m);
        return m;
    }

    /** Converts with an existing output file, which must be untouched afterwards, and returns the message. */
    private String refusal(Path model, Path sample, Path ref, List<String> jvmOptions) throws Exception {
        Path out = dir.resolve("guide.sdz");
        Files.write(out, OLD);
        String m = refused(() -> OnnxConversion.run(new OnnxConversion.Request(model, sample, ref, out, 1e-4), jvmOptions));
        assertTrue(m.startsWith(model + ": "), "names the file first: " + m);
        assertArrayEquals(OLD, Files.readAllBytes(out), "the existing output is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.filter(f -> !f.equals(out) && f.getFileName().toString().endsWith(".sdz")).toList();
            assertTrue(left.isEmpty(), "no partial output: " + left);
        }
        return m;
    }

    private String refusal(Path model, Path ref) throws Exception {
        return refusal(model, GuideFixtures.file("inputs.csv"), ref, List.of());
    }

    private static void contains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' in: " + message);
        }
    }

    @Test
    void notOnnx() throws Exception {
        contains(refusal(OnnxConversionTest.onnx("not-onnx.onnx"), GuideFixtures.file("ref-cnn-functional")), "not an ONNX model");
    }

    @Test
    void truncatedProtobuf() throws Exception {
        Path f = dir.resolve("truncated.onnx");
        byte[] whole = Files.readAllBytes(OnnxConversionTest.onnx("cnn-functional.onnx"));
        Files.write(f, Arrays.copyOf(whole, whole.length / 2));
        contains(refusal(f, GuideFixtures.file("ref-cnn-functional")), "not an ONNX model", "does not parse");
    }

    @Test
    void unsupportedOpIsNamed() throws Exception {
        contains(refusal(OnnxConversionTest.onnx("hardswish.onnx"), GuideFixtures.file("ref-cnn-functional")),
                "node '/model/act/HardSigmoid' (HardSigmoid)", "nn.Hardswish");
    }

    @Test
    void missingReference() throws Exception {
        Path ref = copyOfReferences("ref-cnn-functional");
        Files.delete(ref.resolve("gap.csv"));
        contains(refusal(OnnxConversionTest.onnx("cnn-functional.onnx"), ref), "no reference for tap 'gap'", "gap.csv");
    }

    @Test
    void verificationFailureNamesTheTapAndTheDifference() throws Exception {
        Path ref = copyOfReferences("ref-cnn-functional");
        // PyTorch's bn1 with its first value moved by 0.01: the converted graph is right, the reference says otherwise
        List<String> rows = Files.readAllLines(ref.resolve("bn1.csv"));
        String[] first = rows.get(0).split(",", 2);
        rows.set(0, (Float.parseFloat(first[0]) + 0.01f) + "," + first[1]);
        Files.write(ref.resolve("bn1.csv"), rows);
        contains(refusal(OnnxConversionTest.onnx("cnn-functional.onnx"), ref), "verification failed at tap 'bn1'",
                "(example 1, value 1)", "max abs difference 0.0100", "tolerance 1e-04");
    }

    @Test
    void aCrashOfTheImporterJvmLeavesTheCallerAlive() throws Exception {
        String m = refusal(OnnxConversionTest.onnx("cnn-functional.onnx"), GuideFixtures.file("inputs.csv"),
                GuideFixtures.file("ref-cnn-functional"), List.of("-Dguidancelab.onnx.crashForTest=true"));
        contains(m, "the ONNX importer's JVM crashed (exit 1: SIGSEGV at ", "Unsafe_PutLong", "nothing was written");
        // this JVM goes on: a real conversion's first steps still run here
        assertTrue(GuideFiles.open(GuideFixtures.file("cnn-functional.h5"), null).layers().size() > 0);
    }

    private Path copyOfReferences(String name) throws Exception {
        Path to = Files.createDirectories(dir.resolve("ref"));
        try (Stream<Path> files = Files.list(GuideFixtures.file(name))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
