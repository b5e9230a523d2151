package org.guidancelab.engine.imported;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A guide converted from ONNX by {@code guide convert}: a SameDiff graph saved as .sdz (SameDiff's FlatBuffers file),
 * which loads with ND4J alone (no importer). Its one placeholder is the input, NCHW like the lab's layout; its taps
 * are the variables named {@link #TAP_PREFIX} + the export's output name, shown without the prefix. A .sdz keeps no
 * order of its variables, so taps are listed by depth from the input (ties by name) and the deepest is the output.
 */
public final class SameDiffNetwork implements ImportedNetwork {
    /** What marks a tap among the graph's variables; the prefix keeps taps clear of the importer's own names. */
    public static final String TAP_PREFIX = "tap_";

    private final Path file;
    private final SameDiff sd;
    private final String input;
    private final List<Integer> inputShape;
    private final List<GuideLayer> layers;
    private final List<SDVariable> weights;

    private SameDiffNetwork(Path file, SameDiff sd) throws GuideImportException {
        this.file = file;
        this.sd = sd;
        List<SDVariable> placeholders = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.PLACEHOLDER).toList();
        if (placeholders.size() != 1) {
            throw new GuideImportException(file, "a SameDiff graph with " + placeholders.size() + " inputs; a guide takes one");
        }
        this.input = placeholders.get(0).name();
        long[] shape = placeholders.get(0).placeholderShape();
        if (shape == null || shape.length < 2) {
            throw new GuideImportException(file, "its input '" + input + "' has no batch and example shape");
        }
        List<Integer> s = new ArrayList<>();
        for (int i = 1; i < shape.length; i++) {
            s.add((int) shape[i]);
        }
        this.inputShape = List.copyOf(s);
        List<String> taps = tapsInOrder(sd);
        if (taps.isEmpty()) {
            throw new GuideImportException(file, "a SameDiff graph without taps (variables named " + TAP_PREFIX
                    + "...): convert the ONNX file with `guide convert`, which names them");
        }
        this.weights = weights(sd);
        this.layers = list(taps);
    }

    /** Reads {@code file} (SameDiff's own format; the caller has checked it is on the default file system). */
    static SameDiffNetwork load(Path file) throws GuideImportException {
        SameDiff sd;
        try {
            sd = SameDiff.load(file.toFile(), false);
        } catch (Exception | LinkageError e) {
            // a damaged FlatBuffers file fails with a bare IndexOutOfBoundsException: its class name says nothing
            String why = GuideFiles.reason(e);
            throw new GuideImportException(file, "is not a SameDiff graph the lab can read (damaged, truncated, or not"
                    + " written by `guide convert`)" + (why.matches("[A-Za-z.]*(Exception|Error)") ? "" : ": " + why), e);
        }
        if (sd == null) {
            throw new GuideImportException(file, "is not a SameDiff graph the lab can read (.sdz from `guide convert`)");
        }
        try {
            return new SameDiffNetwork(file, sd);
        } catch (RuntimeException e) {
            // listing the taps runs the graph once: a graph that cannot run is a bad file, not a crash of the caller
            throw new GuideImportException(file, "a SameDiff graph that does not run on a zero example: " + GuideFiles.reason(e), e);
        }
    }

    /** The tap variables, shallowest first: the graph's op order is not kept by the file, depth from the input is. */
    private static List<String> tapsInOrder(SameDiff sd) {
        Map<String, Integer> depth = new HashMap<>();
        List<String> taps = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.name().startsWith(TAP_PREFIX) && v.getVariableType() == VariableType.ARRAY) {
                taps.add(v.name());
            }
        }
        taps.sort(Comparator.<String>comparingInt(t -> depth(sd, t, depth)).thenComparing(t -> t));
        return taps;
    }

    private static int depth(SameDiff sd, String var, Map<String, Integer> memo) {
        Integer known = memo.get(var);
        if (known != null) {
            return known;
        }
        int d = 0;
        DifferentialFunction op = sd.getVariable(var).getVariableType() == VariableType.ARRAY ? sd.getVariableOutputOp(var) : null;
        if (op != null) {
            for (SDVariable in : op.args()) {
                d = Math.max(d, depth(sd, in.name(), memo) + 1);
            }
        }
        memo.put(var, d);
        return d;
    }

    /** Every floating-point weight (CONSTANT or VARIABLE), in a fixed order. */
    private static List<SDVariable> weights(SameDiff sd) {
        List<SDVariable> out = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if ((v.getVariableType() == VariableType.CONSTANT || v.getVariableType() == VariableType.VARIABLE)
                    && v.dataType() == DataType.FLOAT && v.getArr() != null) {
                out.add(v);
            }
        }
        out.sort(Comparator.comparing(SDVariable::name));
        return List.copyOf(out);
    }

    /** Each tap with its kind (the SameDiff op that makes it), shape (from one zero example) and new parameters. */
    private List<GuideLayer> list(List<String> taps) {
        Map<String, INDArray> shapes = run(Nd4j.zeros(DataType.FLOAT, batchShape(1)), taps);
        Set<String> counted = new HashSet<>();
        List<GuideLayer> out = new ArrayList<>();
        for (String t : taps) {
            INDArray a = shapes.get(t);
            List<Integer> shape = new ArrayList<>();
            for (int i = 1; i < a.rank(); i++) {
                shape.add((int) a.size(i));
            }
            out.add(new GuideLayer(t.substring(TAP_PREFIX.length()), kind(t), shape,
                    weightsFeeding(t, counted)));
        }
        return List.copyOf(out);
    }

    /**
     * The op that does a tap's work, seen through the plumbing the importer adds around it (a convolution's tap is
     * made by a permute back from NHWC, after a bias add): "conv2d", "matmul", "relu", "add" (residual), ...
     */
    private String kind(String var) {
        DifferentialFunction op = sd.getVariableOutputOp(var);
        while (op != null) {
            String name = op.opName();
            SDVariable[] args = op.args();
            boolean biasAdd = name.equals("add") && args.length == 2 && isWeight(args[1]);
            if (!(PLUMBING.contains(name) || biasAdd) || args.length == 0 || args[0].getVariableType() != VariableType.ARRAY) {
                return name;
            }
            op = sd.getVariableOutputOp(args[0].name());
        }
        return "?";
    }

    private static final Set<String> PLUMBING = Set.of("permute", "concat", "identity", "reshape", "transpose");

    private static boolean isWeight(SDVariable v) {
        return v.getVariableType() == VariableType.CONSTANT || v.getVariableType() == VariableType.VARIABLE;
    }

    /** Weights that {@code var} depends on and no earlier tap did: a tap's "parameters" column. */
    private long weightsFeeding(String var, Set<String> counted) {
        if (!counted.add(var)) {
            return 0;
        }
        SDVariable v = sd.getVariable(var);
        if (v.getVariableType() == VariableType.CONSTANT || v.getVariableType() == VariableType.VARIABLE) {
            return v.dataType() == DataType.FLOAT ? v.getArr().length() : 0;
        }
        DifferentialFunction op = v.getVariableType() == VariableType.ARRAY ? sd.getVariableOutputOp(var) : null;
        long n = 0;
        if (op != null) {
            for (SDVariable in : op.args()) {
                n += weightsFeeding(in.name(), counted);
            }
        }
        return n;
    }

    private long[] batchShape(long n) {
        long[] s = new long[inputShape.size() + 1];
        s[0] = n;
        for (int i = 0; i < inputShape.size(); i++) {
            s[i + 1] = inputShape.get(i);
        }
        return s;
    }

    private Map<String, INDArray> run(INDArray x, List<String> vars) {
        return sd.output(Map.of(input, x), vars);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String format() {
        return "SameDiff sdz";
    }

    @Override
    public List<Integer> inputShape() {
        return inputShape;
    }

    @Override
    public List<GuideLayer> layers() {
        return layers;
    }

    @Override
    public long params() {
        return weights.stream().mapToLong(v -> v.getArr().length()).sum();
    }

    /**
     * A copy, read from the graph now: SameDiff keeps its own (per-thread) copies of the arrays it is given, so no
     * flat view of them can exist. Reading is what a frozen guide needs (checkpoints, the bit-for-bit test); writing
     * into it changes nothing, which is right for a guide that is always reloaded from its file.
     */
    @Override
    public INDArray paramsView() {
        INDArray flat = Nd4j.create(DataType.FLOAT, 1, params());
        long at = 0;
        for (SDVariable v : weights) {
            INDArray a = v.getArr();
            flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(at, at + a.length())).assign(a.dup('c').ravel());
            at += a.length();
        }
        return flat;
    }

    /** ONNX from PyTorch is NCHW, the lab's own layout: no permutation on either side. */
    @Override
    public Map<String, INDArray> activations(INDArray x, Collection<String> names) {
        List<String> vars = new ArrayList<>();
        for (String n : names) {
            if (layer(n) == null) {
                throw new IllegalArgumentException(file + ": the network has no tap '" + n + "'; its taps are "
                        + layers.stream().map(GuideLayer::name).toList());
            }
            vars.add(TAP_PREFIX + n);
        }
        Map<String, INDArray> got = run(x.castTo(DataType.FLOAT), vars);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String n : names) {
            INDArray a = got.get(TAP_PREFIX + n);
            out.put(n, a.dup('c').reshape('c', a.size(0), a.length() / a.size(0)).castTo(DataType.FLOAT));
        }
        return out;
    }

    @Override
    public String outputName() {
        return layers.get(layers.size() - 1).name();
    }
}
