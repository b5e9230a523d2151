package org.guidancelab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sweep folder's status.json: the sweep's state ("running", "finished", "stopped", "incomplete" when some cells
 * failed or were left out), the counts, an ETA while it runs, and per cell its status, run folder and message.
 */
public record SweepStatus(String state, String message, Map<String, CellState> cells, double etaSeconds,
                          String updated) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SweepStatus {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        message = message == null ? "" : message;
    }

    /** One cell's line. */
    public record CellState(CellStatus status, String folder, String message) {
    }

    public long count(CellStatus s) {
        return cells.values().stream().filter(c -> c.status() == s).count();
    }

    String toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", state);
        root.put("message", message);
        root.put("updated", updated);
        ObjectNode counts = root.putObject("counts");
        counts.put("cells", cells.size());
        for (CellStatus s : CellStatus.values()) {
            counts.put(s.jsonName(), count(s));
        }
        if (Double.isFinite(etaSeconds)) {
            root.put("etaSeconds", Math.round(etaSeconds));
        }
        ObjectNode c = root.putObject("cells");
        cells.forEach((id, st) -> {
            ObjectNode o = c.putObject(id);
            o.put("status", st.status().jsonName());
            if (st.folder() != null) {
                o.put("folder", st.folder());
            }
            if (st.message() != null && !st.message().isBlank()) {
                o.put("message", st.message());
            }
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    static SweepStatus read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        Map<String, CellState> cells = new LinkedHashMap<>();
        try {
            root.path("cells").fields().forEachRemaining(e -> cells.put(e.getKey(), new CellState(
                    CellStatus.parse(e.getValue().path("status").asText()),
                    e.getValue().has("folder") ? e.getValue().get("folder").asText() : null,
                    e.getValue().path("message").asText(""))));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return new SweepStatus(root.path("status").asText(""), root.path("message").asText(""), cells,
                root.has("etaSeconds") ? root.get("etaSeconds").asDouble() : Double.NaN, root.path("updated").asText(""));
    }
}
