package org.guidancelab.arch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document parsed to a Jackson tree together with the line of every value, keyed by JSON path
 * ({@code $.target.layers[3].units}). Jackson's tree forgets locations, so the tree is built here from the
 * streaming parser; the line map outlives decoding so that problems found later (validation) can still be
 * reported as "file:line".
 */
public final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedJson(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    public static LocatedJson parse(String json, String file) throws JsonSpecException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonSpecException(file, 1, "", "the file is empty: expected a JSON object { ... }");
            }
            JsonNode root = value(p, "$", lines, file);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new JsonSpecException(file, p.currentTokenLocation().getLineNr(), "",
                        "unexpected content after the end of the JSON object: " + p.getText());
            }
            return new LocatedJson(file, root, lines);
        } catch (JsonProcessingException e) {
            // Jackson reports a cut-off file either as an EOF exception or as "Unexpected end-of-input ..."
            if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw new JsonSpecException(file, line(e.getLocation()), "",
                        "the file ends in the middle of the JSON (truncated? a missing '}' or ']'?)");
            }
            throw new JsonSpecException(file, line(e.getLocation()), "", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new JsonSpecException(file, 0, "", "cannot read the JSON: " + e.getMessage());
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    private static JsonNode value(JsonParser p, String path, Map<String, Integer> lines, String file) throws IOException, JsonSpecException {
        lines.put(path, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    String child = path + "." + field;
                    if (o.has(field)) {
                        throw new JsonSpecException(file, p.currentTokenLocation().getLineNr(), child,
                                "the field \"" + field + "\" appears twice in the same object");
                    }
                    p.nextToken();
                    o.set(field, value(p, child, lines, file));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, path + "[" + i + "]", lines, file));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonSpecException(file, p.currentTokenLocation().getLineNr(), path, "unexpected " + t);
        }
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /**
     * The line of the value at {@code jsonPath}, or of its nearest enclosing value that the file has (a field left
     * out falls back to its object); 0 when unknown.
     */
    public int lineOf(String jsonPath) {
        String p = jsonPath;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                break;
            }
            p = p.substring(0, cut);
        }
        Integer l = lines.get("$");
        return l == null ? 0 : l;
    }

    /** A reader over the root object. */
    public JsonObjectReader rootReader() throws JsonSpecException {
        if (!root.isObject()) {
            throw new JsonSpecException(file, lineOf("$"), "$", "expected a JSON object { ... } at the top, got " + JsonObjectReader.describe(root));
        }
        return new JsonObjectReader(this, (ObjectNode) root, "$", "the file");
    }
}
