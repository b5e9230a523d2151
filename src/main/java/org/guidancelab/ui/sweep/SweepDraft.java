package org.guidancelab.ui.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.sweep.CellCost;
import org.guidancelab.sweep.SweepException;
import org.guidancelab.sweep.SweepJson;
import org.guidancelab.sweep.SweepPlan;

/**
 * A sweep being put together in the Sweep tab: the open experiment as its base (written inline, so the sweep file
 * stands alone), axes each a setting's path with values typed as text, and a seed count. It becomes an ordinary sweep
 * file ({@link #json()}) and is checked and expanded by the sweep package itself ({@link #plan()}), so the tab, the
 * {@code sweep} command and a saved file agree on every cell and every message.
 *
 * <p>Values: a list ("0, 25, 50", "relu, tanh") or a range "FROM..TO xCOUNT", "log" for log spacing
 * ("1e-4..1e-1 x4 log").
 */
public final class SweepDraft {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Multiply-adds a second one job trains, for the estimate before anything ran: about what this lab's 2-core
     * machines do on small nets (the running sweep replaces it with its own measured ETA).
     */
    static final double ASSUMED_MADDS_PER_SECOND = 1.5e9;

    /** An axis as typed: the setting's path, and its values as text. */
    public record AxisDraft(String path, String values) {
    }

    private final ExperimentSpec base;
    private final String title;
    private final List<AxisDraft> axes;
    private final int seeds;

    public SweepDraft(ExperimentSpec base, String title, List<AxisDraft> axes, int seeds) {
        this.base = base;
        this.title = title == null || title.isBlank() ? base.title() + " sweep" : title.strip();
        this.axes = List.copyOf(axes);
        this.seeds = seeds;
    }

    /** The sweep file's JSON: the base experiment inline, one axis per draft axis. */
    public String json() throws DraftProblem {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SweepJson.SCHEMA_VERSION);
        root.put("title", title);
        root.putObject("base").set("experiment", ExperimentJson.tree(base));
        ArrayNode list = root.putArray("axes");
        for (AxisDraft a : axes) {
            ObjectNode axis = list.addObject();
            axis.put("path", a.path().strip());
            parseValues(a.path(), a.values(), axis);
        }
        root.put("seeds", seeds);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // a tree of plain nodes always writes
        }
    }

    /** What an empty draft lacks: a next step, not a mistake, so the view shows it as a hint. */
    public static final String NO_AXIS = "Add an axis: pick a setting to vary and type its values.";

    /** Checks the sweep and expands its cells, or says (in words, per problem) what is wrong. */
    public SweepPlan plan() throws DraftProblem {
        if (axes.isEmpty()) {
            throw new DraftProblem(NO_AXIS);
        }
        try {
            return SweepPlan.expand(SweepJson.parse(json(), title, null), PresetCatalog.load());
        } catch (SpecFormatException e) {
            throw new DraftProblem(e.getMessage());
        } catch (SweepException e) {
            throw new DraftProblem(String.join("\n", e.problems().stream().map(p -> (p.cell().isEmpty() ? "" : "cell " + p.cell() + ": ") + p.message()).toList()));
        } catch (java.io.IOException e) {
            throw new DraftProblem("Cannot read the presets: " + e.getMessage());
        }
    }

    /** A rough time for the whole sweep on {@code jobs} jobs, in seconds (see {@link #ASSUMED_MADDS_PER_SECOND}). */
    public static double estimateSeconds(SweepPlan plan, int jobs) {
        double total = plan.cells().stream().mapToDouble(c -> CellCost.estimate(c.experiment())).sum();
        return total / ASSUMED_MADDS_PER_SECOND / Math.max(1, Math.min(jobs, plan.cells().size()));
    }

    /** Puts the values typed for an axis into it as "values" or "range". */
    static void parseValues(String path, String text, ObjectNode axis) throws DraftProblem {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new DraftProblem("Type the values of " + path + ": a list such as 0, 25, 50 or a range such as "
                    + "0..300 x7");
        }
        if (t.contains("..")) {
            axis.set("range", range(path, t));
            return;
        }
        ArrayNode values = axis.putArray("values");
        for (String part : t.split("[,;]")) {
            String v = part.strip();
            if (v.isEmpty()) {
                continue;
            }
            values.add(value(v));
        }
        if (values.isEmpty()) {
            throw new DraftProblem("Type at least one value of " + path);
        }
    }

    /** A number, true/false, or else the text itself (an activation, a pairing rule). */
    private static JsonNode value(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
        }
        try {
            if (v.matches("[+-]?\\d+")) {
                return JSON.getNodeFactory().numberNode(Long.parseLong(v));
            }
            return JSON.getNodeFactory().numberNode(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return JSON.getNodeFactory().textNode(v);
        }
    }

    /** "FROM..TO xCOUNT [log]" as a range object. */
    private static ObjectNode range(String path, String t) throws DraftProblem {
        String usage = " (a range is FROM..TO xCOUNT, with log for log spacing: 0..300 x7, 1e-4..1e-1 x4 log)";
        boolean log = t.toLowerCase(Locale.ROOT).contains("log");
        String body = t.replaceAll("(?i)log", " ").strip();
        String[] countSplit = body.split("(?i)\\s*x\\s*");
        if (countSplit.length != 2) {
            throw new DraftProblem("The range '" + t + "' of " + path + " needs a count" + usage);
        }
        String[] ends = countSplit[0].split("\\.\\.");
        try {
            if (ends.length != 2) {
                throw new NumberFormatException();
            }
            ObjectNode r = JSON.createObjectNode();
            r.put("from", Double.parseDouble(ends[0].strip()));
            r.put("to", Double.parseDouble(ends[1].strip()));
            r.put("count", Integer.parseInt(countSplit[1].strip()));
            if (log) {
                r.put("scale", "log");
            }
            return r;
        } catch (NumberFormatException e) {
            throw new DraftProblem("The range '" + t + "' of " + path + " is not understood" + usage);
        }
    }

    public String title() {
        return title;
    }

    public List<AxisDraft> axes() {
        return new ArrayList<>(axes);
    }

    public int seeds() {
        return seeds;
    }

    /** What is wrong with a draft, in words for the tab's message line. */
    public static final class DraftProblem extends Exception {
        public DraftProblem(String message) {
            super(message);
        }
    }
}
