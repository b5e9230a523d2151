package org.guidancelab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.guidancelab.arch.SpecJson;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.ExperimentValidator;
import org.guidancelab.experiment.ParsedExperiment;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.experiment.PresetEntry;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.experiment.SpecProblem;
import org.guidancelab.experiment.StepCounts;

/**
 * A sweep expanded into its cells: the grid's product of the axes' values and the seeds, each cell an ordinary
 * experiment (the base, the sweep's fixed settings, the cell's axis values, its seed, then any shortening such as
 * {@code --steps}). Everything is checked here, before anything trains: an axis path the base does not have, a value of
 * the wrong type or out of range, and a value (or a combination) that makes an experiment invalid, each reported with
 * file:line, JSON path and the cell.
 *
 * <p>Cells are ordered with the first axis outermost and the seed innermost; a cell's id lists its axis values in axis
 * order and then its seed ({@code warmup=50,seed=2}), so ids are stable across runs and readable.
 */
public final class SweepPlan {
    /** What a label in a cell id may hold. */
    static final Pattern ID_PART = Pattern.compile("[A-Za-z0-9_.+-]+");
    static final int MAX_PROBLEMS = 40;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SweepFile file;
    private final ExperimentSpec base;
    private final List<Axis> axes;
    private final List<Integer> seeds;
    private final List<SweepCell> cells;
    private final String scaling;

    private SweepPlan(SweepFile file, ExperimentSpec base, List<Axis> axes, List<Integer> seeds, List<SweepCell> cells,
                      String scaling) {
        this.file = file;
        this.base = base;
        this.axes = List.copyOf(axes);
        this.seeds = List.copyOf(seeds);
        this.cells = List.copyOf(cells);
        this.scaling = scaling;
    }

    public SweepFile file() {
        return file;
    }

    /** The base experiment with the sweep's fixed settings (before any shortening). */
    public ExperimentSpec base() {
        return base;
    }

    public List<Axis> axes() {
        return axes;
    }

    public List<Integer> seeds() {
        return seeds;
    }

    public List<SweepCell> cells() {
        return cells;
    }

    /** How the cells were shortened ("" when not): "--steps 40 (every step count x 40/300)". */
    public String scaling() {
        return scaling;
    }

    public SweepCell cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * The cells chosen by {@code --only}: each text is a list of {@code axis=value} parts ({@code seed=k} for a seed),
     * a cell id being one such list; a part naming an axis already named starts another group, so
     * {@code warmup=50,seed=2,warmup=100} is two groups. A cell is chosen when it matches every part of a group. All
     * cells when {@code texts} is empty.
     *
     * @throws IllegalArgumentException naming an unknown axis or value, and the known ones
     */
    public List<SweepCell> select(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return cells;
        }
        List<Map<String, String>> groups = new ArrayList<>();
        for (String text : texts) {
            Map<String, String> group = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--only: '" + p + "' is not axis=value; cell ids look like "
                            + (cells.isEmpty() ? "warmup=50,seed=1" : cells.get(0).id()));
                }
                String name = p.substring(0, eq).trim();
                String label = p.substring(eq + 1).trim();
                List<String> known = knownLabels(name);
                if (known == null) {
                    List<String> names = new ArrayList<>(axes.stream().map(Axis::name).toList());
                    names.add("seed");
                    throw new IllegalArgumentException("--only: no axis '" + name + "'; the axes are " + String.join(", ", names));
                }
                if (!known.contains(label)) {
                    throw new IllegalArgumentException("--only: " + name + " has no value " + label + "; its values are "
                            + String.join(", ", known));
                }
                if (group.containsKey(name)) {
                    groups.add(group);
                    group = new LinkedHashMap<>();
                }
                group.put(name, label);
            }
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        List<SweepCell> out = new ArrayList<>();
        for (SweepCell c : cells) {
            for (Map<String, String> g : groups) {
                boolean all = g.entrySet().stream().allMatch(e -> e.getKey().equals("seed")
                        ? Integer.toString(c.seed()).equals(e.getValue()) : c.label(e.getKey()).equals(e.getValue()));
                if (all) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    private List<String> knownLabels(String name) {
        if (name.equals("seed")) {
            return seeds.stream().map(String::valueOf).toList();
        }
        return axes.stream().filter(a -> a.name().equals(name)).findFirst().map(Axis::labels).orElse(null);
    }

    /** The cells as given. */
    public static SweepPlan expand(SweepFile file, PresetCatalog catalog) throws SweepException {
        return expand(file, catalog, null);
    }

    /**
     * @param steps when not null, every cell is shortened so the base's training steps become {@code steps}, and every
     *              other step count (evaluation interval, guide training, warmups, axis values counted in steps) by
     *              the same factor, as {@code reproduce --quick} shortens its presets
     */
    public static SweepPlan expand(SweepFile file, PresetCatalog catalog, Integer steps) throws SweepException {
        return expand(file, catalog, steps, null, "");
    }

    /**
     * @param finish applied to each cell's experiment last (reproduce's step divisor); null: none
     * @param finishText how {@code finish} shortens, for the plan's description
     */
    public static SweepPlan expand(SweepFile file, PresetCatalog catalog, Integer steps, UnaryOperator<ExperimentSpec> finish,
                                   String finishText) throws SweepException {
        return new Expansion(file, catalog).run(steps, finish, finishText);
    }

    /** Does the work of {@link #expand}, collecting every problem. */
    private static final class Expansion {
        private final SweepFile file;
        private final PresetCatalog catalog;
        private final List<SweepProblem> problems = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<String, List<String>> alsoIn = new LinkedHashMap<>();
        private int dropped;

        Expansion(SweepFile file, PresetCatalog catalog) {
            this.file = file;
            this.catalog = catalog;
        }

        SweepPlan run(Integer steps, UnaryOperator<ExperimentSpec> extra, String extraText) throws SweepException {
            Located loaded = loadBase();
            if (loaded == null) {
                throw fail();
            }
            ExperimentSpec base = keepArms(loaded.spec);
            if (base == null) {
                throw fail();
            }
            base = applyFixed(base);
            if (base == null) {
                throw fail();
            }
            UnaryOperator<ExperimentSpec> finish = finisher(base, steps, extra);
            String scaling = steps == null ? extraText : "--steps " + steps + " (every step count x " + steps + "/"
                    + base.training().steps() + ")";
            ExperimentSpec finishedBase = finish.apply(base);
            for (SpecProblem p : ExperimentValidator.validate(finishedBase)) {
                add(baseProblem(loaded, p));
            }
            if (!problems.isEmpty()) {
                throw fail();
            }
            List<Axis> axes = new ArrayList<>();
            boolean unresolved = false;
            for (SweepFile.AxisDecl d : file.axes()) {
                Axis a = resolveAxis(d, base);
                if (a == null || a.values().isEmpty()) {
                    unresolved = true;
                } else {
                    axes.add(a);
                }
            }
            if (unresolved) {
                throw fail();
            }
            // Values refused above are left out; the cells of the others are still checked, so every problem is told.
            List<SweepCell> cells = product(base, axes, finish);
            if (!problems.isEmpty()) {
                throw fail();
            }
            return new SweepPlan(file, base, axes, file.seeds(), cells, scaling);
        }

        private UnaryOperator<ExperimentSpec> finisher(ExperimentSpec base, Integer steps, UnaryOperator<ExperimentSpec> extra) {
            UnaryOperator<ExperimentSpec> f = UnaryOperator.identity();
            if (steps != null && base.training().steps() > 0) {
                double ratio = steps / (double) base.training().steps();
                f = e -> StepCounts.scale(e, ratio);
            }
            if (extra != null) {
                UnaryOperator<ExperimentSpec> g = f;
                f = e -> extra.apply(g.apply(e));
            }
            return f;
        }

        private SweepException fail() {
            List<SweepProblem> out = new ArrayList<>();
            for (SweepProblem p : problems) {
                List<String> more = alsoIn.getOrDefault(key(p), List.of());
                if (more.isEmpty()) {
                    out.add(p);
                    continue;
                }
                String list = String.join(", ", more.subList(0, Math.min(3, more.size())))
                        + (more.size() > 3 ? ", ..." : "");
                out.add(new SweepProblem(p.file(), p.line(), p.jsonPath(), p.cell(), p.message() + " (also in "
                        + more.size() + " other cell" + (more.size() == 1 ? "" : "s") + ": " + list + ")"));
            }
            if (dropped > 0) {
                out.add(new SweepProblem(file.label(), 0, "", "", "... and " + dropped + " more problems like these"));
            }
            return new SweepException(out);
        }

        private static String key(SweepProblem p) {
            return p.jsonPath() + "|" + p.message() + "|" + p.file();
        }

        /** Adds a problem; the same problem in another cell is counted with the first (named in its message). */
        private void add(SweepProblem p) {
            if (!seen.add(key(p))) {
                if (!p.cell().isEmpty()) {
                    alsoIn.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p.cell());
                }
                return;
            }
            if (problems.size() >= MAX_PROBLEMS) {
                dropped++;
                return;
            }
            problems.add(p);
        }

        private SweepProblem at(String jsonPath, String cell, String message) {
            return new SweepProblem(file.label(), file.lineOf(jsonPath), jsonPath, cell, message);
        }

        /** The base experiment with where its values are, or null after adding a problem. */
        private Located loadBase() {
            SweepFile.Base b = file.base();
            String where = "$.base";
            switch (b.kind()) {
                case INLINE:
                    return new Located(b.inline(), null, "$.base.experiment");
                case PRESET: {
                    String name = b.ref().endsWith(".json") ? b.ref() : b.ref() + ".json";
                    PresetEntry e = catalog == null ? null : catalog.find(name);
                    if (e == null) {
                        String known = catalog == null ? "" : catalog.presets().stream()
                                .map(x -> x.file().replace(".json", "")).collect(Collectors.joining(", "));
                        add(at(where + ".preset", "", "no preset '" + b.ref() + "'; the presets are " + known));
                        return null;
                    }
                    try {
                        ParsedExperiment p = ExperimentJson.parseLocated(e.json(), e.label());
                        return new Located(p.spec(), p, null);
                    } catch (SpecFormatException ex) {
                        add(fromBaseFile(ex));
                        return null;
                    }
                }
                case FILE: {
                    Path dir = file.file() == null ? null : file.file().toAbsolutePath().getParent();
                    Path p = dir == null ? Path.of(b.ref()) : dir.resolve(b.ref());
                    try {
                        ParsedExperiment parsed = ExperimentJson.parseLocated(Files.readString(p), displayed(p));
                        return new Located(parsed.spec(), parsed, null);
                    } catch (NoSuchFileException ex) {
                        add(at(where + ".file", "", "no such file: " + displayed(p) + " (a base file is found beside the "
                                + "sweep file)"));
                    } catch (IOException ex) {
                        add(at(where + ".file", "", "cannot read " + displayed(p) + ": " + ex.getMessage()));
                    } catch (SpecFormatException ex) {
                        add(fromBaseFile(ex));
                    }
                    return null;
                }
                default:
                    throw new IllegalStateException("unknown base kind " + b.kind());
            }
        }

        private String displayed(Path p) {
            Path cwd = Path.of("").toAbsolutePath();
            Path abs = p.toAbsolutePath().normalize();
            return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        }

        /** A problem of the base experiment itself, located in its file (or in the sweep file when inline). */
        private SweepProblem baseProblem(Located l, SpecProblem p) {
            String note = " (in the base experiment" + (file.set().isEmpty() ? "" : ", with the sweep's \"set\"") + ")";
            if (l.parsed() != null) {
                return new SweepProblem(l.parsed().file(), l.parsed().lineOf(p.jsonPath()), p.jsonPath(), "",
                        p.message() + note);
            }
            String path = l.prefix() + p.jsonPath().substring(1);
            return at(path, "", p.message() + note);
        }

        private SweepProblem fromBaseFile(SpecFormatException ex) {
            return new SweepProblem(ex.file(), ex.line(), ex.jsonPath(), "", ex.problem() + " (in the base experiment of "
                    + file.label() + ")");
        }

        private ExperimentSpec keepArms(ExperimentSpec spec) {
            List<String> wanted = file.base().arms();
            if (wanted.isEmpty()) {
                return spec;
            }
            List<String> names = spec.arms().stream().map(ArmSpec::name).toList();
            List<ArmSpec> kept = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                if (!names.contains(wanted.get(i))) {
                    add(at("$.base.arms[" + i + "]", "", "the base experiment has no arm '" + wanted.get(i) + "'; its arms are "
                            + String.join(", ", names)));
                }
            }
            for (ArmSpec a : spec.arms()) {
                if (wanted.contains(a.name())) {
                    kept.add(a);
                }
            }
            return problems.isEmpty() ? spec.withArms(kept) : null;
        }

        private ExperimentSpec applyFixed(ExperimentSpec spec) {
            if (file.set().isEmpty()) {
                return spec;
            }
            ObjectNode tree = ExperimentJson.tree(spec);
            List<SweepFile.Fixed> late = new ArrayList<>();
            for (SweepFile.Fixed f : file.set()) {
                try {
                    SettingPath p = SettingPath.parse(f.path());
                    if (p.late()) {
                        late.add(f);
                        continue;
                    }
                    p.apply(tree, p.setting(spec).accept(f.value()));
                } catch (SettingPath.PathProblem | Setting.ValueProblem e) {
                    add(at(f.jsonPath(), "", e.getMessage()));
                }
            }
            for (SweepFile.Fixed f : late) {
                try {
                    SettingPath p = SettingPath.parse(f.path());
                    p.apply(tree, p.setting(spec).accept(f.value()));
                } catch (SettingPath.PathProblem | Setting.ValueProblem e) {
                    add(at(f.jsonPath(), "", e.getMessage()));
                }
            }
            if (!problems.isEmpty()) {
                return null;
            }
            try {
                return ExperimentJson.parse(SpecJson.print(tree), file.label());
            } catch (SpecFormatException e) {
                add(at("$.set", "", e.problem() + " (at " + e.jsonPath() + " of the experiment)"));
                return null;
            }
        }

        private Axis resolveAxis(SweepFile.AxisDecl d, ExperimentSpec base) {
            SettingPath path;
            Setting setting;
            try {
                path = SettingPath.parse(d.path());
                setting = path.setting(base);
            } catch (SettingPath.PathProblem e) {
                add(at(d.jsonPath() + ".path", "", e.getMessage()));
                return null;
            }
            List<AxisValue> values = new ArrayList<>();
            boolean log = false;
            if (d.range() != null) {
                SweepFile.Range r = d.range();
                log = r.log();
                String rp = d.jsonPath() + ".range";
                if (!setting.type().numeric()) {
                    add(at(rp, "", "a range needs a numeric setting; " + setting.path() + " expects " + setting.expects()
                            + ": list its values under \"values\""));
                    return null;
                }
                for (int i = 0; i < r.count(); i++) {
                    double t = i / (double) (r.count() - 1);
                    double v = r.log() ? Math.exp(Math.log(r.from()) + t * (Math.log(r.to()) - Math.log(r.from())))
                            : r.from() + t * (r.to() - r.from());
                    v = setting.type() == SettingType.INT ? Math.round(v) : round(v, 4);
                    if (i == r.count() - 1) {
                        v = setting.type() == SettingType.INT ? Math.round(r.to()) : r.to();
                    }
                    JsonNode node = setting.type() == SettingType.INT ? NODES.numberNode((long) v) : NODES.numberNode(v);
                    try {
                        node = setting.accept(node);
                    } catch (Setting.ValueProblem e) {
                        add(at(rp, "", "the range's value " + Setting.num(v) + ": " + e.getMessage()));
                        return null;
                    }
                    String label = Setting.num(v);
                    if (values.stream().anyMatch(x -> x.label().equals(label))) {
                        add(at(rp, "", "the range gives " + label + " twice" + (setting.type() == SettingType.INT
                                ? " once rounded to whole numbers" : "") + ": use fewer values or a wider range"));
                        return null;
                    }
                    values.add(new AxisValue(label, node, v, rp));
                }
            } else {
                for (int i = 0; i < d.values().size(); i++) {
                    String vp = d.jsonPath() + ".values[" + i + "]";
                    JsonNode accepted;
                    try {
                        accepted = setting.accept(d.values().get(i));
                    } catch (Setting.ValueProblem e) {
                        add(at(vp, "", e.getMessage()));
                        continue;
                    }
                    String label = d.labels().get(i) != null ? d.labels().get(i) : label(accepted);
                    if (label == null) {
                        add(at(vp, "", "give this value a label for the cell ids: {\"label\": \"name\", \"value\": "
                                + Setting.describe(d.values().get(i)) + "}"));
                        continue;
                    }
                    if (values.stream().anyMatch(x -> x.label().equals(label))) {
                        add(at(vp, "", "the value " + label + " appears twice on axis '" + d.name() + "'"));
                        continue;
                    }
                    double num = accepted.isNumber() ? accepted.asDouble() : Double.NaN;
                    values.add(new AxisValue(label, accepted, num, vp));
                }
            }
            return new Axis(d.name(), path, setting, values, log, d.jsonPath());
        }

        /** A value's label in cell ids, or null when it has none of its own (an object, a path with '/'). */
        private static String label(JsonNode v) {
            String s;
            if (v.isNumber()) {
                s = Setting.num(v.asDouble());
            } else if (v.isTextual() || v.isBoolean()) {
                s = v.asText();
            } else {
                return null;
            }
            return ID_PART.matcher(s).matches() ? s : null;
        }

        private static double round(double v, int significant) {
            if (v == 0 || !Double.isFinite(v)) {
                return v;
            }
            return new java.math.BigDecimal(v).round(new java.math.MathContext(significant)).doubleValue();
        }

        private List<SweepCell> product(ExperimentSpec base, List<Axis> axes, UnaryOperator<ExperimentSpec> finish) {
            ObjectNode baseTree = ExperimentJson.tree(base);
            Set<String> baseProblems = new HashSet<>();
            ExperimentValidator.validate(finish.apply(base)).forEach(p -> baseProblems.add(p.describe()));
            // Each value alone: a problem it causes by itself is the value's, located at it.
            Map<AxisValue, List<String>> own = new LinkedHashMap<>();
            for (Axis a : axes) {
                for (AxisValue v : a.values()) {
                    List<String> found = new ArrayList<>();
                    ObjectNode tree = baseTree.deepCopy();
                    try {
                        a.path().apply(tree, v.value());
                        ExperimentSpec e = finish.apply(ExperimentJson.parse(SpecJson.print(tree), file.label()));
                        for (SpecProblem p : ExperimentValidator.validate(e)) {
                            if (!baseProblems.contains(p.describe())) {
                                found.add(p.describe());
                            }
                        }
                    } catch (SettingPath.PathProblem | SpecFormatException | RuntimeException e) {
                        // reported with the cells below, which hit the same problem
                    }
                    own.put(v, found);
                }
            }
            List<SweepCell> cells = new ArrayList<>();
            List<List<AxisValue>> combos = combinations(axes);
            long base0 = base.training().seed();
            for (List<AxisValue> combo : combos) {
                for (int seed : file.seeds()) {
                    Map<String, AxisValue> values = new LinkedHashMap<>();
                    StringBuilder id = new StringBuilder();
                    for (int i = 0; i < axes.size(); i++) {
                        values.put(axes.get(i).name(), combo.get(i));
                        id.append(axes.get(i).name()).append('=').append(combo.get(i).label()).append(',');
                    }
                    String cellId = id.append("seed=").append(seed).toString();
                    ExperimentSpec e = cell(baseTree, axes, combo, seed, base0, cellId, finish, base);
                    if (e == null) {
                        continue;
                    }
                    for (SpecProblem p : ExperimentValidator.validate(e)) {
                        if (baseProblems.contains(p.describe())) {
                            continue;
                        }
                        AxisValue culprit = null;
                        for (AxisValue v : combo) {
                            if (own.getOrDefault(v, List.of()).contains(p.describe())) {
                                culprit = v;
                                break;
                            }
                        }
                        String msg = p.describe().substring(2); // "$.arms[1].x: message" -> "arms[1].x: message"
                        if (culprit != null) {
                            add(at(culprit.jsonPath(), cellId, msg));
                        } else {
                            add(at("$.axes", cellId, "this combination of values makes the experiment invalid: " + msg));
                        }
                    }
                    cells.add(new SweepCell(cellId, values, seed, e, CellCost.estimate(e)));
                }
            }
            return cells;
        }

        /** The cell's experiment, or null after adding a problem. */
        private ExperimentSpec cell(ObjectNode baseTree, List<Axis> axes, List<AxisValue> combo, int seed, long baseSeed,
                                    String cellId, UnaryOperator<ExperimentSpec> finish, ExperimentSpec base) {
            ObjectNode tree = baseTree.deepCopy();
            for (boolean late : new boolean[] {false, true}) {
                for (int i = 0; i < axes.size(); i++) {
                    if (axes.get(i).path().late() != late) {
                        continue;
                    }
                    try {
                        axes.get(i).path().apply(tree, combo.get(i).value());
                    } catch (SettingPath.PathProblem e) {
                        add(at(combo.get(i).jsonPath(), cellId, e.getMessage()));
                        return null;
                    }
                }
            }
            ObjectNode training = (ObjectNode) tree.get("training");
            training.put("seed", training.path("seed").asLong(baseSeed) + seed - 1);
            String title = base.title().isEmpty() ? cellId : base.title() + " (" + cellId + ")";
            tree.put("title", title);
            try {
                return finish.apply(ExperimentJson.parse(SpecJson.print(tree), file.label()));
            } catch (SpecFormatException e) {
                AxisValue culprit = combo.isEmpty() ? null : combo.get(0);
                for (int i = 0; i < axes.size(); i++) {
                    if (e.jsonPath().startsWith(axes.get(i).path().jsonPrefix())) {
                        culprit = combo.get(i);
                    }
                }
                add(at(culprit == null ? "$.axes" : culprit.jsonPath(), cellId, e.problem() + " (at " + e.jsonPath()
                        .substring(Math.min(2, e.jsonPath().length())) + " of the experiment)"));
                return null;
            } catch (IllegalArgumentException e) {
                add(at("$.axes", cellId, String.valueOf(e.getMessage())));
                return null;
            }
        }

        private static List<List<AxisValue>> combinations(List<Axis> axes) {
            List<List<AxisValue>> out = new ArrayList<>();
            out.add(List.of());
            for (Axis a : axes) {
                List<List<AxisValue>> next = new ArrayList<>();
                for (List<AxisValue> prefix : out) {
                    for (AxisValue v : a.values()) {
                        List<AxisValue> l = new ArrayList<>(prefix);
                        l.add(v);
                        next.add(l);
                    }
                }
                out = next;
            }
            return out;
        }
    }

    /**
     * A base experiment with where its values are: its own file ({@code parsed}), or inside the sweep file under
     * {@code prefix} ("$.base.experiment").
     */
    private record Located(ExperimentSpec spec, ParsedExperiment parsed, String prefix) {
    }
}
