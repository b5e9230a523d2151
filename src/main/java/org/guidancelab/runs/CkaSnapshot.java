package org.guidancelab.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.CkaMatrix;

/** The CKA heatmaps of one evaluation of one arm, as stored in {@code cka/<arm>/step-NNNNNNN.json}. */
public record CkaSnapshot(String arm, int step, CkaMatrix targetGuide, CkaMatrix targetTarget) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The target x guide matrix as plain values (null when not recorded). */
    public CkaGrid targetGuideGrid() {
        return CkaGrid.of(targetGuide);
    }

    /** The target x target self-similarity matrix as plain values (null when not recorded). */
    public CkaGrid targetTargetGrid() {
        return CkaGrid.of(targetTarget);
    }

    String toJson() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("arm", arm);
        root.put("step", step);
        if (targetGuide != null) {
            matrix(root.putObject("targetGuide"), targetGuide);
        }
        if (targetTarget != null) {
            matrix(root.putObject("targetTarget"), targetTarget);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void matrix(ObjectNode n, CkaMatrix m) {
        n.put("estimator", m.estimator().name().toLowerCase(java.util.Locale.ROOT));
        n.put("label", m.estimator().label());
        ArrayNode rows = n.putArray("rows");
        m.rowTaps().forEach(rows::add);
        ArrayNode cols = n.putArray("columns");
        m.columnTaps().forEach(cols::add);
        ArrayNode values = n.putArray("values");
        for (double[] row : m.values()) {
            ArrayNode r = values.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
    }

    static CkaSnapshot read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        try {
            return new CkaSnapshot(root.path("arm").asText(), root.path("step").asInt(),
                    matrix(root.get("targetGuide")), matrix(root.get("targetTarget")));
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed CKA file (" + e.getMessage() + ")", e);
        }
    }

    private static CkaMatrix matrix(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> rows = new ArrayList<>();
        n.path("rows").forEach(r -> rows.add(r.asText()));
        List<String> cols = new ArrayList<>();
        n.path("columns").forEach(c -> cols.add(c.asText()));
        double[][] v = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                v[i][j] = n.path("values").path(i).path(j).asDouble();
            }
        }
        return new CkaMatrix(rows, cols, v, CkaEstimator.valueOf(n.path("estimator").asText().toUpperCase(java.util.Locale.ROOT)));
    }
}
