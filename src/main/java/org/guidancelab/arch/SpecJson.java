package org.guidancelab.arch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every spec file shares: the {@code schemaVersion} check and pretty printing. Files carry the schema
 * version at the top so that a file written by a newer Guidance Lab is refused with a clear message instead
 * of being half understood.
 */
public final class SpecJson {
    /** The schema version this code writes and reads (experiment and network files alike). */
    public static final int SCHEMA_VERSION = 1;
    public static final String VERSION_FIELD = "schemaVersion";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpecJson() {
    }

    /** Reads and checks the file's schema version. */
    public static void checkVersion(JsonObjectReader top) throws JsonSpecException {
        if (!top.has(VERSION_FIELD)) {
            throw top.error("", "missing field \"" + VERSION_FIELD + "\": add \"" + VERSION_FIELD + "\": "
                    + SCHEMA_VERSION + " at the top of the file");
        }
        int v = top.requiredInt(VERSION_FIELD, 1);
        if (v > SCHEMA_VERSION) {
            throw top.error(VERSION_FIELD, "written by a newer Guidance Lab (schema " + v + "); this version reads schema "
                    + SCHEMA_VERSION);
        }
    }

    /** Pretty-printed JSON with two-space indents, one line per layer, and a final newline. */
    public static String print(ObjectNode tree) {
        return CompactPrinter.print(tree);
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }
}
