package org.guidancelab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.guidancelab.runs.RunFiles;

/**
 * The layout of a sweep folder, readable at any time while the sweep runs (a UI can follow it):
 * <pre>
 *   sweep.json          the sweep file as given
 *   plan.json           the expanded plan: axes with their values, seeds, the metric, and every cell (id, values, seed,
 *                       run folder, estimated cost)
 *   status.json         the sweep's state and each cell's, rewritten atomically at every change
 *   summary.csv         one row per cell and arm, rewritten atomically as cells finish
 *   cells/ID/           a finished cell: an ordinary run folder (experiment.json, metrics.csv, status.json, cka/, ...)
 *   cells/.ID.tmp/      a cell under way, stopped or failed: renamed to cells/ID when it finishes, so a cell is never
 *                       half counted
 *   cells/.ID.lock      held while a process trains the cell
 *   figures/            the sweep's figures ({@code figures SWEEP_DIR})
 * </pre>
 */
public final class SweepFolder {
    public static final String SWEEP = "sweep.json";
    public static final String PLAN = "plan.json";
    public static final String STATUS = "status.json";
    public static final String SUMMARY = "summary.csv";
    public static final String CELLS = "cells";
    public static final String FIGURES = "figures";
    static final String TMP = ".tmp";
    static final String LOCK = ".lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public SweepFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Whether {@code dir} holds a sweep (its plan.json). */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(PLAN));
    }

    /** A finished cell's run folder. */
    public Path cellDir(String id) {
        return dir.resolve(CELLS).resolve(id);
    }

    /** A cell's run folder while it trains (and after it stopped or failed). */
    public Path tmpDir(String id) {
        return dir.resolve(CELLS).resolve("." + id + TMP);
    }

    /**
     * The finished name of a cell's folder given its name while it trained ({@code cells/.ID.tmp} -> {@code cells/ID}),
     * for a reader that followed it; null for a path that is not a cell's training folder.
     */
    public static Path finishedFolderOf(Path trainingFolder) {
        Path name = trainingFolder.getFileName();
        Path parent = trainingFolder.getParent();
        if (name == null || parent == null || parent.getFileName() == null
                || !parent.getFileName().toString().equals(CELLS)) {
            return null;
        }
        String n = name.toString();
        if (!n.startsWith(".") || !n.endsWith(TMP) || n.length() <= 1 + TMP.length()) {
            return null;
        }
        return parent.resolve(n.substring(1, n.length() - TMP.length()));
    }

    Path lockFile(String id) {
        return dir.resolve(CELLS).resolve("." + id + LOCK);
    }

    /** The folder, relative to the sweep folder, in which a cell's run is now (finished or not); null when none. */
    public String relativeRunFolder(String id) {
        if (Files.isDirectory(cellDir(id))) {
            return CELLS + "/" + id;
        }
        if (Files.isDirectory(tmpDir(id))) {
            return CELLS + "/." + id + TMP;
        }
        return null;
    }

    void create() throws IOException {
        Files.createDirectories(dir.resolve(CELLS));
    }

    void writeSweepFile(String text) throws IOException {
        RunFiles.writeAtomically(dir.resolve(SWEEP), text);
    }

    /** plan.json: what a reader needs to draw the sweep without the sweep file or the base experiment. */
    void writePlan(SweepPlan plan) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SweepJson.SCHEMA_VERSION);
        root.put("title", plan.file().title());
        root.put("description", plan.file().description());
        root.put("metric", plan.file().metric());
        root.put("scaling", plan.scaling());
        root.put("baseSteps", plan.base().training().steps());
        ArrayNode axes = root.putArray("axes");
        for (Axis a : plan.axes()) {
            ObjectNode o = axes.addObject();
            o.put("name", a.name());
            o.put("path", a.path().text());
            o.put("type", a.setting().type().name().toLowerCase(java.util.Locale.ROOT));
            o.put("inSteps", a.setting().inSteps());
            o.put("scale", a.log() ? "log" : "linear");
            ArrayNode values = o.putArray("values");
            for (AxisValue v : a.values()) {
                ObjectNode vo = values.addObject();
                vo.put("label", v.label());
                if (v.numeric()) {
                    vo.put("number", v.number());
                }
            }
        }
        ArrayNode seeds = root.putArray("seeds");
        plan.seeds().forEach(seeds::add);
        ArrayNode arms = root.putArray("arms");
        plan.base().arms().forEach(a -> arms.add(a.name()));
        ArrayNode cells = root.putArray("cells");
        for (SweepCell c : plan.cells()) {
            ObjectNode o = cells.addObject();
            o.put("id", c.id());
            ObjectNode values = o.putObject("values");
            c.values().forEach((k, v) -> values.put(k, v.label()));
            o.put("seed", c.seed());
            o.put("folder", CELLS + "/" + c.id());
            o.put("cost", c.cost());
        }
        RunFiles.writeAtomically(dir.resolve(PLAN), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** plan.json read back. */
    public PlanRecord readPlan() throws IOException {
        Path file = dir.resolve(PLAN);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a sweep folder (no " + PLAN + ")");
        }
        JsonNode root = JSON.readTree(file.toFile());
        List<PlanRecord.AxisRecord> axes = new ArrayList<>();
        for (JsonNode a : root.path("axes")) {
            List<String> labels = new ArrayList<>();
            List<Double> numbers = new ArrayList<>();
            for (JsonNode v : a.path("values")) {
                labels.add(v.path("label").asText());
                numbers.add(v.has("number") ? v.get("number").asDouble() : Double.NaN);
            }
            axes.add(new PlanRecord.AxisRecord(a.path("name").asText(), a.path("path").asText(), labels, numbers,
                    a.path("scale").asText("linear").equals("log"), a.path("inSteps").asBoolean(false)));
        }
        List<Integer> seeds = new ArrayList<>();
        root.path("seeds").forEach(s -> seeds.add(s.asInt()));
        List<String> arms = new ArrayList<>();
        root.path("arms").forEach(s -> arms.add(s.asText()));
        List<PlanRecord.CellRecord> cells = new ArrayList<>();
        for (JsonNode c : root.path("cells")) {
            Map<String, String> values = new LinkedHashMap<>();
            c.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            cells.add(new PlanRecord.CellRecord(c.path("id").asText(), values, c.path("seed").asInt(),
                    c.path("cost").asDouble()));
        }
        return new PlanRecord(root.path("title").asText(""), root.path("description").asText(""),
                root.path("metric").asText(SweepSummary.DEFAULT_METRIC), root.path("scaling").asText(""),
                root.path("baseSteps").asInt(0), axes, seeds, arms, cells);
    }

    void writeStatus(SweepStatus status) throws IOException {
        RunFiles.writeAtomically(dir.resolve(STATUS), status.toJson());
    }

    /** status.json read back (a sweep that never wrote one: every cell of the plan pending). */
    public SweepStatus readStatus() throws IOException {
        Path file = dir.resolve(STATUS);
        return Files.isRegularFile(file) ? SweepStatus.read(file) : null;
    }

    /** summary.csv read back (empty before the first write). */
    public List<SweepSummary.Row> readSummary() throws IOException {
        Path file = dir.resolve(SUMMARY);
        return Files.isRegularFile(file) ? SweepSummary.read(file) : List.of();
    }

    /** Holds a cell while this process trains it; null when another process (or thread) holds it. */
    CellLock lock(String id) throws IOException {
        Path file = lockFile(id);
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return null;
            }
            return new CellLock(ch, lock);
        } catch (OverlappingFileLockException e) {
            ch.close();
            return null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** A held cell; closing releases it (the lock file stays: deleting it could let two holders in). */
    static final class CellLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        CellLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
