package org.guidancelab.arch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Pretty printing for people: containers nest with two-space indents, but a "leaf" object or array (nothing
 * inside but numbers, text and lists of them) stays on one line when it fits, so each layer is one line
 * ({@code {"type": "Dense", "name": "fc1", "units": 128, "activation": "relu"}}) and a network reads like a list.
 */
final class CompactPrinter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_INLINE = 118;

    private CompactPrinter() {
    }

    static String print(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, 0, sb);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode node, int indent, StringBuilder sb) {
        if (!node.isContainerNode() || node.isEmpty()) {
            sb.append(inline(node));
            return;
        }
        if (indent > 0 && isLeaf(node)) {
            String one = inline(node);
            if (indent + one.length() <= MAX_INLINE) {
                sb.append(one);
                return;
            }
        }
        String pad = "  ".repeat(indent + 1);
        if (indent > 0 && writeHeaded(node, indent, sb)) {
            return;
        }
        boolean object = node.isObject();
        sb.append(object ? "{\n" : "[\n");
        if (object) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(pad).append(scalar(MAPPER.getNodeFactory().textNode(e.getKey()))).append(": ");
                write(e.getValue(), indent + 1, sb);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                sb.append(pad);
                write(node.get(i), indent + 1, sb);
                sb.append(i < node.size() - 1 ? ",\n" : "\n");
            }
        }
        sb.append("  ".repeat(indent)).append(object ? '}' : ']');
    }

    /**
     * An object whose fields are all simple except a last list of objects (a Residual and its block) is written
     * with its simple fields on the first line and the list below: {@code {"type": "Residual", ..., "block": [}.
     */
    private static boolean writeHeaded(JsonNode node, int indent, StringBuilder sb) {
        if (!node.isObject() || node.size() < 2) {
            return false;
        }
        StringBuilder head = new StringBuilder("{");
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = scalar(MAPPER.getNodeFactory().textNode(e.getKey()));
            if (!it.hasNext()) {
                JsonNode list = e.getValue();
                if (!list.isArray() || list.isEmpty() || isLeaf(list)) {
                    return false;
                }
                sb.append(head).append(key).append(": [\n");
                String pad = "  ".repeat(indent + 1);
                for (int i = 0; i < list.size(); i++) {
                    sb.append(pad);
                    write(list.get(i), indent + 1, sb);
                    sb.append(i < list.size() - 1 ? ",\n" : "\n");
                }
                sb.append("  ".repeat(indent)).append("]}");
                return true;
            }
            JsonNode v = e.getValue();
            if (v.isObject() || (v.isArray() && !isLeaf(v))) {
                return false;
            }
            head.append(key).append(": ").append(inline(v)).append(", ");
        }
        return false;
    }

    /** Nothing inside but scalars and lists of scalars. */
    private static boolean isLeaf(JsonNode node) {
        for (JsonNode child : node) {
            if (child.isObject()) {
                return false;
            }
            if (child.isArray()) {
                for (JsonNode c : child) {
                    if (c.isContainerNode()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static String inline(JsonNode node) {
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(scalar(MAPPER.getNodeFactory().textNode(e.getKey()))).append(": ").append(inline(e.getValue()));
                sb.append(it.hasNext() ? ", " : "");
            }
            return sb.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(inline(node.get(i)));
            }
            return sb.append(']').toString();
        }
        return scalar(node);
    }

    /** Jackson's own text for a number, string (escaped), boolean or null. */
    private static String scalar(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
