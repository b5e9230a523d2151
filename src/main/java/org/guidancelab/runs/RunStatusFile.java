package org.guidancelab.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guidancelab.engine.train.RunStatus;

/**
 * status.json: the run's status and message, and per arm its status ("running", "finished", "stopped", "failed"),
 * last step and message. Rewritten atomically at every change.
 */
public record RunStatusFile(RunStatus status, String message, Map<String, ArmStatus> arms) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunStatusFile {
        message = message == null ? "" : message;
        arms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arms));
    }

    /** One arm's line in status.json. */
    public record ArmStatus(RunStatus status, int step, String message) {
    }

    public RunStatusFile with(RunStatus s, String m) {
        return new RunStatusFile(s, m, arms);
    }

    public RunStatusFile withArm(String arm, ArmStatus a) {
        Map<String, ArmStatus> m = new LinkedHashMap<>(arms);
        m.put(arm, a);
        return new RunStatusFile(status, message, m);
    }

    void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", status.jsonName());
        root.put("message", message);
        ObjectNode a = root.putObject("arms");
        arms.forEach((name, s) -> {
            ObjectNode n = a.putObject(name);
            n.put("status", s.status().jsonName());
            n.put("step", s.step());
            n.put("message", s.message() == null ? "" : s.message());
        });
        RunFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    public static RunStatusFile read(Path file) throws IOException {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, ArmStatus> arms = new LinkedHashMap<>();
            root.path("arms").fields().forEachRemaining(e -> arms.put(e.getKey(), new ArmStatus(
                    RunStatus.parse(e.getValue().path("status").asText()), e.getValue().path("step").asInt(),
                    e.getValue().path("message").asText(""))));
            return new RunStatusFile(RunStatus.parse(root.path("status").asText()), root.path("message").asText(""), arms);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
