package org.guidancelab.onnx;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import org.guidancelab.engine.imported.SameDiffNetwork;

/**
 * Rewrites a PyTorch ONNX export (opset 13) into a graph that SameDiff's ONNX importer (1.0.0-M2.1) imports
 * correctly, or refuses it naming the node. Every rewrite is one of the importer's measured faults (0024):
 * <ul>
 *   <li>every tensor and node gets a plain unique name: names with ':' fail (PyTorch's "onnx::Conv_12"), and short
 *       ones like "add" collide with the names the importer gives its own helper variables (the Add's output then
 *       got a transposed shape);</li>
 *   <li>Gemm's bias input is dropped by the importer: it becomes Gemm without C, then an Add of beta * C;</li>
 *   <li>MatMul is mapped with alpha 0 (all zeros): it becomes a Gemm with alpha 1, whose mapping keeps alpha;</li>
 *   <li>an Identity that makes a tap (a tensor listed twice among the outputs) becomes x + 0: the importer drops
 *       Identity nodes, and the tap with them;</li>
 *   <li>ops the importer cannot run or runs wrongly are refused with the node's name ({@link #REFUSED}).</li>
 * </ul>
 * The graph's outputs are its taps: they keep a readable name, {@link #TAP_PREFIX} + the export's name.
 */
public final class OnnxRewrite {
    private static final String TAP_PREFIX = SameDiffNetwork.TAP_PREFIX;

    /** Ops refused, and why: each was measured failing or silently wrong in the importer. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("HardSigmoid", "HardSigmoid is imported wrongly (its alpha is ignored): avoid nn.Hardsigmoid and"
                    + " nn.Hardswish (opset 13 exports it as HardSigmoid and Mul)"),
            Map.entry("HardSwish", "HardSwish is imported wrongly (alpha ignored): avoid nn.Hardswish"),
            Map.entry("ConvTranspose", "ConvTranspose fails in the importer: avoid nn.ConvTranspose2d"),
            Map.entry("LSTM", "LSTM fails in the importer: avoid nn.LSTM"),
            Map.entry("GRU", "GRU is not supported by the importer: avoid nn.GRU"),
            Map.entry("RNN", "RNN is not supported by the importer: avoid nn.RNN"),
            Map.entry("LayerNormalization", "LayerNorm fails in the importer: avoid nn.LayerNorm"),
            Map.entry("Pow", "Pow (PyTorch's LayerNorm decomposition) fails in the importer: avoid nn.LayerNorm and x ** y"),
            Map.entry("Pad", "Pad (nn.AvgPool2d with padding, F.pad) fails in the importer: use padding=0 or a MaxPool"),
            Map.entry("Shape", "Shape (a view/reshape computed from the tensor's size) fails in the importer: use"
                    + " torch.flatten(x, 1) or nn.Flatten instead of x.view(x.size(0), -1)"),
            Map.entry("Loop", "control flow (Loop) is not supported: export a network without Python loops over tensors"),
            Map.entry("If", "control flow (If) is not supported: export a network without data-dependent branches"));

    private final ModelProto model;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> taps = new LinkedHashMap<>();
    private final Map<String, String> nodes = new HashMap<>();
    private int counter;

    /** Rewrites a test may switch off (OnnxFixesTest), to show each is needed and that verification catches its absence. */
    enum Fix { RENAME, GEMM_BIAS, MATMUL_ALPHA }

    private final Set<Fix> fixes;

    private OnnxRewrite(ModelProto model, Set<Fix> fixes) {
        this.model = model;
        this.fixes = fixes;
    }

    /** The rewritten model, or an {@link OnnxRefusal} naming the node at fault. */
    public static Result rewrite(ModelProto model) throws OnnxRefusal {
        return rewrite(model, EnumSet.allOf(Fix.class));
    }

    static Result rewrite(ModelProto model, Set<Fix> fixes) throws OnnxRefusal {
        return new OnnxRewrite(model, fixes).run();
    }

    /**
     * The model to import, its one input's new name and example shape (without the batch), each tap's export name to
     * its new name in output order, and each new node name to the export's (to name a node the importer fails at).
     */
    public record Result(ModelProto model, String input, List<Long> inputShape, Map<String, String> taps,
                         Map<String, String> nodes) {
    }

    private Result run() throws OnnxRefusal {
        GraphProto g = model.getGraph();
        Set<String> initializers = new HashSet<>();
        g.getInitializerList().forEach(t -> initializers.add(t.getName()));
        List<String> inputs = g.getInputList().stream().map(v -> v.getName()).filter(n -> !initializers.contains(n)).toList();
        if (inputs.size() != 1) {
            throw new OnnxRefusal("the graph has " + inputs.size() + " inputs " + inputs + "; a guide takes exactly one");
        }
        for (NodeProto n : g.getNodeList()) {
            String why = REFUSED.get(n.getOpType());
            if (why != null) {
                throw new OnnxRefusal("node '" + n.getName() + "' (" + n.getOpType() + "): " + why);
            }
        }
        for (Onnx.ValueInfoProto o : g.getOutputList()) {
            String tap = TAP_PREFIX + o.getName().replaceAll("[^A-Za-z0-9_.]", "_");
            if (taps.containsValue(tap)) {
                throw new OnnxRefusal("outputs '" + o.getName() + "' and another give the same tap name " + tap);
            }
            taps.put(o.getName(), tap);
            names.put(o.getName(), tap);
        }
        names.put(inputs.get(0), "input");
        List<Long> inputShape = exampleShape(g.getInputList().stream().filter(v -> v.getName().equals(inputs.get(0)))
                .findFirst().orElseThrow());
        Map<String, TensorProto> consts = new HashMap<>();
        g.getInitializerList().forEach(t -> consts.put(t.getName(), t));

        GraphProto.Builder out = g.toBuilder().clearNode().clearInitializer().clearInput().clearOutput().clearValueInfo();
        for (TensorProto t : g.getInitializerList()) {
            out.addInitializer(t.toBuilder().setName(name(t.getName())));
        }
        for (Onnx.ValueInfoProto v : g.getInputList()) {
            out.addInput(v.toBuilder().setName(name(v.getName())));
        }
        for (Onnx.ValueInfoProto v : g.getOutputList()) {
            out.addOutput(v.toBuilder().setName(name(v.getName())));
        }
        for (NodeProto n : g.getNodeList()) {
            for (NodeProto r : rewriteNode(n, consts, out)) {
                out.addNode(r);
            }
        }
        return new Result(model.toBuilder().setGraph(out).build(), "input", inputShape, taps, nodes);
    }

    /** The input's dimensions after the batch: they must be fixed numbers (the sample input is shaped by them). */
    private static List<Long> exampleShape(Onnx.ValueInfoProto input) throws OnnxRefusal {
        List<Long> out = new ArrayList<>();
        List<Onnx.TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
        for (int i = 1; i < dims.size(); i++) {
            if (!dims.get(i).hasDimValue() || dims.get(i).getDimValue() <= 0) {
                throw new OnnxRefusal("input '" + input.getName() + "' has no fixed size in dimension " + i
                        + ": export with a fixed example shape (only the batch may be dynamic)");
            }
            out.add(dims.get(i).getDimValue());
        }
        if (dims.size() < 2) {
            throw new OnnxRefusal("input '" + input.getName() + "' has " + dims.size() + " dimensions; a guide takes a batch"
                    + " of examples (batch, features) or (batch, channels, height, width)");
        }
        return List.copyOf(out);
    }

    /** The node with its tensors renamed; a Gemm or MatMul becomes the ops the importer maps right. */
    private List<NodeProto> rewriteNode(NodeProto n, Map<String, TensorProto> consts, GraphProto.Builder g) throws OnnxRefusal {
        String newName = fixes.contains(Fix.RENAME) || n.getName().isEmpty() ? "node" + (counter++) + "_" + n.getOpType() : n.getName();
        nodes.put(newName, n.getName().isEmpty() ? n.getOpType() + " node " + counter : n.getName());
        NodeProto.Builder b = n.toBuilder().setName(newName).clearInput().clearOutput();
        n.getInputList().forEach(i -> b.addInput(i.isEmpty() ? i : name(i)));
        n.getOutputList().forEach(o -> b.addOutput(name(o)));
        if (n.getOpType().equals("MatMul") && fixes.contains(Fix.MATMUL_ALPHA)) {
            return List.of(b.setOpType("Gemm").clearAttribute().addAttribute(f("alpha", 1f)).addAttribute(f("beta", 0f))
                    .addAttribute(i("transA", 0)).addAttribute(i("transB", 0)).build());
        }
        if (n.getOpType().equals("Identity") && taps.containsKey(n.getOutput(0))) {
            // the importer drops Identity nodes and with them a tap that is another tap's copy (a tensor listed
            // twice among the outputs): x + 0 keeps it, with the same values
            return List.of(b.setOpType("Add").clearAttribute().addInput(zero(g)).build());
        }
        if (!n.getOpType().equals("Gemm") || !fixes.contains(Fix.GEMM_BIAS)) {
            return List.of(b.build());
        }
        float alpha = 1f;
        float beta = 1f;
        long transA = 0;
        long transB = 0;
        for (AttributeProto a : n.getAttributeList()) {
            switch (a.getName()) {
                case "alpha" -> alpha = a.getF();
                case "beta" -> beta = a.getF();
                case "transA" -> transA = a.getI();
                case "transB" -> transB = a.getI();
                default -> { }
            }
        }
        NodeProto.Builder gemm = b.clearAttribute().addAttribute(f("alpha", alpha)).addAttribute(f("beta", 0f))
                .addAttribute(i("transA", transA)).addAttribute(i("transB", transB));
        if (n.getInputCount() < 3 || n.getInput(2).isEmpty()) {
            return List.of(gemm.build());
        }
        String bias = name(n.getInput(2));
        if (beta != 1f) {
            TensorProto c = consts.get(n.getInput(2));
            if (c == null) {
                throw new OnnxRefusal("node '" + n.getName() + "' (Gemm): beta " + beta + " on a bias that is not a constant");
            }
            bias = bias + "_scaled";
            g.addInitializer(Tensors.scaled(c, beta).toBuilder().setName(bias));
        }
        String product = "gemm" + counter + "_nobias"; // not a tap: no tap prefix
        gemm.clearInput().addInput(name(n.getInput(0))).addInput(name(n.getInput(1))).clearOutput().addOutput(product);
        NodeProto add = NodeProto.newBuilder().setName("node" + (counter++) + "_GemmBias").setOpType("Add")
                .addInput(product).addInput(bias).addOutput(name(n.getOutput(0))).build();
        return List.of(gemm.build(), add);
    }

    /** A float32 scalar 0, added to the graph once. */
    private String zero(GraphProto.Builder g) {
        String name = "zero_f32";
        if (g.getInitializerList().stream().noneMatch(t -> t.getName().equals(name))) {
            g.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                    .addFloatData(0f));
        }
        return name;
    }

    /** The new name of an export's tensor: taps and the input as decided, every other one "t&lt;k&gt;". */
    private String name(String original) {
        return names.computeIfAbsent(original, o -> fixes.contains(Fix.RENAME) ? "t" + names.size() : o);
    }

    private static AttributeProto f(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    private static AttributeProto i(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }
}
