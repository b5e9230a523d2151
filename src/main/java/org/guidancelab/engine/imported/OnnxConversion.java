package org.guidancelab.engine.imported;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code guide convert}: an ONNX file to a .sdz guide, by SameDiff's ONNX importer run in a child JVM, because the
 * importer can crash its process natively ({@code free(): invalid next size}, measured) and must not take the CLI or
 * the app down with it. The child (org.guidancelab.onnx.OnnxConvertMain, built from src/onnx with the tests) writes a
 * temporary .sdz beside the output and verifies every tap against the reference; only when it exits 0 is that file
 * moved to the output. Any other outcome leaves no file and becomes one {@link GuideImportException} line.
 */
public final class OnnxConversion {
    /** The child's class path file, written by the build (pom.xml: onnx-importer-args). */
    static final String ARGS_PROPERTY = "guidancelab.onnxImporterArgs";
    static final String MAIN = "org.guidancelab.onnx.OnnxConvertMain";
    /** The child's exit code for a refusal (its reason is its last stderr line); OnnxConvertMain.REFUSED. */
    static final int REFUSED = 3;
    private static final String TAP_LINE = "GUIDE-CONVERT-TAP\t";

    /** What to convert: the ONNX file, the sample input CSV, the folder of reference tap CSVs, the .sdz to write. */
    public record Request(Path model, Path sample, Path reference, Path out, double tolerance) {
    }

    /** One verified tap: its name, output shape per example and largest absolute difference from the reference. */
    public record Tap(String name, String shape, double maxAbs) {
    }

    public record Result(Path out, List<Tap> taps, long millis) {
    }

    private OnnxConversion() {
    }

    /** The .sdz beside {@code model}: the same name with .sdz for .onnx. */
    public static Path defaultOut(Path model) {
        String n = model.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".sdz");
    }

    public static Result run(Request r) throws GuideImportException {
        return run(r, List.of());
    }

    /** {@code childJvmOptions}: extra options for the child JVM (tests: the property that makes it crash). */
    static Result run(Request r, List<String> childJvmOptions) throws GuideImportException {
        check(r);
        Path args = importerArgs(r.model());
        Path tmp = r.out().toAbsolutePath().resolveSibling("." + r.out().getFileName() + ".converting.sdz");
        Path stdout = null;
        Path stderr = null;
        Process p = null;
        long t0 = System.nanoTime();
        try {
            stdout = Files.createTempFile("guide-convert-", ".out");
            stderr = Files.createTempFile("guide-convert-", ".err");
            p = new ProcessBuilder(command(r, args, tmp, childJvmOptions)).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            int code = p.waitFor();
            if (code == REFUSED) {
                String last = lastLine(stderr);
                throw new GuideImportException(r.model(), last.isEmpty() ? "the conversion was refused; nothing was written" : last);
            }
            if (code != 0) {
                throw new GuideImportException(r.model(), crashed(code, stdout, stderr));
            }
            List<Tap> taps = taps(stdout);
            Files.move(tmp, r.out(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(r.out(), taps, (System.nanoTime() - t0) / 1_000_000);
        } catch (GuideImportException e) {
            throw e;
        } catch (IOException e) {
            throw new GuideImportException(r.model(), "the conversion could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            killAndWait(p); // a cancelled conversion must not go on writing beside the output
            Thread.currentThread().interrupt();
            throw new GuideImportException(r.model(), "the conversion was interrupted; nothing was written");
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void killAndWait(Process p) {
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }

    /** java of this JVM, with the child's class path file, running OnnxConvertMain on the request. */
    private static List<String> command(Request r, Path args, Path tmp, List<String> childJvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        // a native crash's report goes to the temporary folder, not the user's working folder
        cmd.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "guide-convert-hs_err_%p.log"));
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.addAll(childJvmOptions);
        cmd.add("@" + args);
        cmd.add(MAIN);
        cmd.add(r.model().toAbsolutePath().toString());
        cmd.add(r.sample().toAbsolutePath().toString());
        cmd.add(r.reference().toAbsolutePath().toString());
        cmd.add(tmp.toString());
        cmd.add(Double.toString(r.tolerance()));
        return cmd;
    }

    private static void check(Request r) throws GuideImportException {
        if (!Files.isRegularFile(r.model())) {
            throw new GuideImportException(r.model(), "no such file (the ONNX model to convert)");
        }
        if (!Files.isRegularFile(r.sample())) {
            throw new GuideImportException(r.model(), "the sample input " + r.sample() + " does not exist (one example per"
                    + " row, as scripts/onnx-guide-export.py writes it)");
        }
        if (!Files.isDirectory(r.reference())) {
            throw new GuideImportException(r.model(), "the reference folder " + r.reference() + " does not exist (one CSV"
                    + " of PyTorch's output per tap, as scripts/onnx-guide-export.py writes it)");
        }
        Path dir = r.out().toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new GuideImportException(r.model(), "the output folder " + dir + " does not exist");
        }
    }

    /**
     * The child's class path file: the property, else target/onnx/importer.args beside the lab's classes or jar (a
     * source tree's build). An installed app has neither: the importer is kept out of its download.
     */
    static Path importerArgs(Path model) throws GuideImportException {
        String given = System.getProperty(ARGS_PROPERTY);
        Path found = null;
        if (given != null) {
            found = Path.of(given);
        } else {
            try {
                Path code = Path.of(OnnxConversion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                found = code.getParent().resolve("onnx").resolve("importer.args");
            } catch (URISyntaxException | RuntimeException e) {
                // no code source to look beside: reported as not installed
            }
        }
        if (found == null || !Files.isRegularFile(found)) {
            throw new GuideImportException(model, "the ONNX importer is not part of this installation (it is kept out of"
                    + " the download): run `guide convert` from a source tree after `./mvnw -B package -DskipTests`, as"
                    + " `java -jar target/guidance-lab.jar guide convert ...` (it finds target/onnx/importer.args)");
        }
        return found;
    }

    /**
     * A crash in one line: the JVM's fatal error report (on the child's stdout) gives the signal and the frame; a
     * native abort (glibc's "free(): invalid next size") leaves its message as the last stderr line.
     */
    private static String crashed(int code, Path stdout, Path stderr) throws IOException {
        String signal = null;
        String frame = null;
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FATAL_SIGNAL.matcher(lines.get(i));
            if (signal == null && m.find()) {
                signal = m.group(1);
            }
            if (lines.get(i).startsWith("# Problematic frame:") && i + 1 < lines.size()) {
                frame = lines.get(i + 1).replaceFirst("^#\\s*", "").strip();
            }
        }
        String detail = signal != null ? signal + (frame == null ? "" : " at " + frame) : lastLine(stderr);
        String why = code > 128 ? "exit " + code + ", signal " + (code - 128) : "exit " + code;
        return "the ONNX importer's JVM crashed (" + why + (detail.isEmpty() ? "" : ": " + detail) + "); nothing was"
                + " written. The importer is known to crash natively now and then: run the conversion again";
    }

    private static final Pattern FATAL_SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z]+) \\(0x");

    private static String lastLine(Path stderr) throws IOException {
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).strip();
            if (!l.isEmpty() && !l.equals("#")) {
                return l.startsWith("# ") ? l.substring(2) : l;
            }
        }
        return "";
    }

    private static List<Tap> taps(Path stdout) throws IOException {
        List<Tap> out = new ArrayList<>();
        for (String l : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            if (l.startsWith(TAP_LINE)) {
                String[] f = l.split("\t");
                out.add(new Tap(f[1], f[2], Double.parseDouble(f[3])));
            }
        }
        return out;
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    /** "conv1 [4, 12, 12] 4.8e-07" lines, for the CLI. */
    public static String describe(Tap t) {
        return String.format(Locale.ROOT, "%s  %s  max abs difference %.2g", t.name(), t.shape(), t.maxAbs());
    }
}
