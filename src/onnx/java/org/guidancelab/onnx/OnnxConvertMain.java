package org.guidancelab.onnx;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import onnx.Onnx.ModelProto;
import org.guidancelab.engine.imported.GuideFiles;
import org.guidancelab.engine.imported.GuideImportException;
import org.guidancelab.engine.imported.ImportedNetwork;
import org.guidancelab.engine.imported.SameDiffNetwork;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.samediff.frameworkimport.onnx.importer.OnnxFrameworkImporter;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

/**
 * The child JVM of {@code guide convert} (started by engine.imported.OnnxConversion, never in the app's JVM: the
 * importer can crash the process natively). Arguments: MODEL.onnx SAMPLE.csv REFERENCE_DIR OUT.sdz TOLERANCE.
 * Rewrites the ONNX graph ({@link OnnxRewrite}), imports it with the sample input, saves OUT.sdz, opens that file as the
 * lab will and verifies every tap ({@link Verification}). Prints one {@value #TAP} line per verified tap on stdout;
 * exit 0 when accepted, {@value #REFUSED} with the reason as the last stderr line when refused (OUT.sdz deleted).
 */
public final class OnnxConvertMain {
    /** Marks a verified tap's line on stdout: TAP name shape maxAbs (tab-separated), read by the parent. */
    public static final String TAP = "GUIDE-CONVERT-TAP";
    public static final int REFUSED = 3;
    /** Test-only: makes this JVM die natively just before the import, as the importer itself sometimes does. */
    static final String CRASH_PROPERTY = "guidancelab.onnx.crashForTest";
    /**
     * Test-only: a comma-separated list of fixes to leave out (rename, gemm_bias, matmul_alpha, sample_input), to show each is
     * needed: without it the verification (or the importer) refuses the file.
     */
    static final String SKIP_PROPERTY = "guidancelab.onnx.skipFixesForTest";

    private OnnxConvertMain() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length != 5) {
            fail("usage: OnnxConvertMain MODEL.onnx SAMPLE.csv REFERENCE_DIR OUT.sdz TOLERANCE");
        }
        Path sdz = Path.of(args[3]);
        try {
            List<Verification.TapResult> taps = convert(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), sdz,
                    Double.parseDouble(args[4]));
            for (Verification.TapResult t : taps) {
                out.printf(Locale.ROOT, "%s\t%s\t%s\t%.3g%n", TAP, t.tap(), t.shape(), t.maxAbs());
            }
            out.flush();
            System.exit(0);
        } catch (OnnxRefusal e) {
            deleteQuietly(sdz);
            fail(e.getMessage());
        } catch (Exception | LinkageError e) {
            deleteQuietly(sdz);
            fail("the conversion failed: " + innermost(e));
        }
    }

    static List<Verification.TapResult> convert(Path model, Path samplePath, Path refDir, Path out, double tolerance)
            throws OnnxRefusal, IOException {
        ModelProto proto = parse(model);
        Set<String> skipped = Set.of(System.getProperty(SKIP_PROPERTY, "").toUpperCase(Locale.ROOT).split(","));
        Set<OnnxRewrite.Fix> fixes = EnumSet.allOf(OnnxRewrite.Fix.class);
        fixes.removeIf(f -> skipped.contains(f.name()));
        OnnxRewrite.Result r = OnnxRewrite.rewrite(proto, fixes);
        Verification.requireReferences(r.taps().values().stream().map(t -> t.substring(SameDiffNetwork.TAP_PREFIX.length()))
                .toList(), refDir);
        INDArray sample = sample(samplePath, r.inputShape());
        Path rewritten = Files.createTempFile("guide-convert-", ".onnx");
        try {
            Files.write(rewritten, r.model().toByteArray());
            if (Boolean.getBoolean(CRASH_PROPERTY)) {
                crashNatively();
            }
            SameDiff sd;
            try {
                // the sample input: Sigmoid, Tanh, GlobalAveragePool and ReduceMean import only with a real input
                Map<String, INDArray> inputs = skipped.contains("SAMPLE_INPUT") ? Map.of() : Map.of(r.input(), sample);
                sd = new OnnxFrameworkImporter().runImport(rewritten.toString(), inputs, false);
            } catch (Exception | LinkageError e) {
                throw new OnnxRefusal("the ONNX importer failed" + culprit(r, e) + ": " + innermost(e));
            }
            sd.save(out.toFile(), false);
        } finally {
            Files.deleteIfExists(rewritten);
        }
        ImportedNetwork net;
        try {
            net = GuideFiles.open(out, null);
        } catch (GuideImportException e) {
            throw new OnnxRefusal("the converted graph does not open as a guide: " + e.getMessage());
        }
        for (String tap : r.taps().values()) {
            String name = tap.substring(SameDiffNetwork.TAP_PREFIX.length());
            if (net.layer(name) == null) {
                throw new OnnxRefusal("tap '" + name + "' (an output of the ONNX graph) was lost in the import");
            }
        }
        return Verification.check(net, sample, refDir, tolerance);
    }

    private static ModelProto parse(Path model) throws OnnxRefusal {
        try {
            ModelProto m = ModelProto.parseFrom(Files.readAllBytes(model));
            if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
                throw new OnnxRefusal("not an ONNX model: the file holds no graph (export it with torch.onnx.export,"
                        + " opset 13: scripts/onnx-guide-export.py)");
            }
            return m;
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxRefusal("not an ONNX model (the protobuf does not parse: truncated or another kind of file): "
                    + e.getMessage());
        } catch (IOException e) {
            throw new OnnxRefusal("cannot be read: " + e.getMessage());
        }
    }

    /** The sample CSV (one example per row, flattened channels, height, width) as a batch of the input's shape. */
    private static INDArray sample(Path csv, List<Long> shape) throws OnnxRefusal {
        float[][] rows = Csv.read(csv, "sample input");
        long width = shape.stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b);
        if (rows[0].length != width) {
            throw new OnnxRefusal("sample input " + csv + ": rows have " + rows[0].length + " values but the model takes "
                    + shape + " = " + width + " per example");
        }
        long[] s = new long[shape.size() + 1];
        s[0] = rows.length;
        for (int i = 0; i < shape.size(); i++) {
            s[i + 1] = shape.get(i);
        }
        return Nd4j.createFromArray(rows).castTo(DataType.FLOAT).reshape('c', s);
    }

    /** " at node '/layer1/conv1/Conv'" when the importer's message names one of the rewritten nodes, else "". */
    private static String culprit(OnnxRewrite.Result r, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (Map.Entry<String, String> n : r.nodes().entrySet()) {
                if (m.contains(n.getKey())) {
                    return " at node '" + n.getValue() + "' (" + n.getKey().substring(n.getKey().indexOf('_') + 1) + ")";
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "";
    }

    /** A real native crash (SIGSEGV), so the test sees the process die as the importer's crashes make it die. */
    private static void crashNatively() {
        try {
            Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            unsafe.getClass().getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 0L);
        } catch (ReflectiveOperationException e) {
            Runtime.getRuntime().halt(134);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the parent deletes it too
        }
    }

    /** The reason as the last stderr line, which is what the parent reports. */
    private static void fail(String message) {
        System.out.flush();
        System.err.println();
        System.err.println(message.replace('\n', ' '));
        System.err.flush();
        System.exit(REFUSED);
    }

    /** The innermost message of a failure, one line: the one that says what is wrong. */
    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
