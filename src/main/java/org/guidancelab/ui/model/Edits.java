package org.guidancelab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guidancelab.arch.Diagnostic;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.LayerType;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.arch.ShapeInference;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.experiment.TrainingSpec;

/**
 * The command factory: every edit the builder offers, as a {@link Command} over the experiment. An edit that would
 * change nothing returns empty (so it does not clutter the undo history); an edit with a bad value throws
 * {@link IllegalArgumentException} whose message names the lane, layer and field.
 */
public final class Edits {
    private Edits() {
    }

    /** Inserts {@code layer} at {@code index} of {@code lane}, renamed if its name is taken there. */
    public static Command insert(ExperimentSpec spec, Lane lane, int index, LayerSpec layer) {
        NetworkSpec net = lane.network(spec);
        int at = clamp(index, 0, net.size());
        LayerSpec named = layer.withName(LayerNames.unique(layer.name(), net));
        return new Command("Insert " + named.type() + " into " + lane.label().toLowerCase(),
                s -> lane.with(s, lane.network(s).inserted(at, named)), new BlockRef(lane, at));
    }

    /** Inserts a default layer of {@code type} (what the palette drops). */
    public static Command insertNew(ExperimentSpec spec, Lane lane, int index, LayerType type) {
        NetworkSpec net = lane.network(spec);
        int at = clamp(index, 0, net.size());
        NetworkAnalysis analysis = ShapeInference.analyze(net);
        return insert(spec, lane, at, LayerDefaults.create(type, net, at, analysis));
    }

    public static Command remove(ExperimentSpec spec, BlockRef ref) {
        LayerSpec layer = layerAt(spec, ref);
        return new Command("Delete " + layer.name(),
                s -> Pairs.prune(ref.lane().with(s, ref.lane().network(s).removed(ref.index()))), null);
    }

    /** Inserts a copy of the block right after it, under a fresh name. */
    public static Command duplicate(ExperimentSpec spec, BlockRef ref) {
        LayerSpec layer = layerAt(spec, ref);
        Command c = insert(spec, ref.lane(), ref.index() + 1, layer);
        return new Command("Duplicate " + layer.name(), c.change(), c.selectAfter());
    }

    /**
     * Moves a block to the gap {@code toIndex} (0 = before the first block) of {@code toLane}; the gap is counted
     * in the lane as it is before the move. Empty when the block would land where it is.
     */
    public static Optional<Command> move(ExperimentSpec spec, BlockRef from, Lane toLane, int toIndex) {
        LayerSpec layer = layerAt(spec, from);
        if (from.lane() == toLane) {
            int size = toLane.network(spec).size();
            int gap = clamp(toIndex, 0, size);
            if (gap == from.index() || gap == from.index() + 1) {
                return Optional.empty();
            }
            int finalIndex = gap > from.index() ? gap - 1 : gap;
            return Optional.of(new Command("Move " + layer.name(),
                    s -> toLane.with(s, toLane.network(s).moved(from.index(), finalIndex)), new BlockRef(toLane, finalIndex)));
        }
        NetworkSpec dest = toLane.network(spec);
        int at = clamp(toIndex, 0, dest.size());
        LayerSpec named = layer.withName(LayerNames.unique(layer.name(), dest));
        return Optional.of(new Command("Move " + layer.name() + " to " + toLane.label().toLowerCase(), s -> {
            ExperimentSpec removed = from.lane().with(s, from.lane().network(s).removed(from.index()));
            return Pairs.prune(toLane.with(removed, toLane.network(removed).inserted(at, named)));
        }, new BlockRef(toLane, at)));
    }

    /** Replaces a whole network (an architecture card dropped on a lane, a network file opened into it). */
    public static Optional<Command> replaceNetwork(ExperimentSpec spec, Lane lane, NetworkSpec network) {
        if (lane.network(spec).equals(network)) {
            return Optional.empty();
        }
        return Optional.of(new Command("Replace " + lane.label().toLowerCase() + " with " + network.name(),
                s -> Pairs.prune(lane.with(s, network)), null));
    }

    /** Switches a block's tap on or off (Input and Output never tap). */
    public static Optional<Command> toggleTap(ExperimentSpec spec, BlockRef ref) {
        LayerSpec layer = layerAt(spec, ref);
        LayerSpec toggled = layer.withTap(!layer.tap());
        if (toggled.equals(layer)) {
            return Optional.empty();
        }
        return Optional.of(new Command((toggled.tap() ? "Tap " : "Untap ") + layer.name(),
                s -> Pairs.prune(ref.lane().with(s, ref.lane().network(s).replaced(ref.index(), toggled))), ref));
    }

    /**
     * Sets one field of a block from what the user typed. Rejects values that can never be right and values that
     * make shape inference report a new error on this layer (a kernel larger than its input), so a bad value never
     * enters the experiment.
     */
    public static Optional<Command> editField(ExperimentSpec spec, BlockRef ref, String fieldName, Object raw) {
        NetworkSpec net = ref.lane().network(spec);
        LayerSpec layer = layerAt(spec, ref);
        LayerField field = LayerField.named(layer, fieldName);
        String where = where(ref, layer, fieldName);
        Object value;
        try {
            value = FieldRules.parse(layer, field, raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (value.equals(field.get(layer))) {
            return Optional.empty();
        }
        if ("name".equals(fieldName) && net.indexOf((String) value) >= 0) {
            throw new IllegalArgumentException(where + ": another layer of the " + ref.lane().label().toLowerCase()
                    + " is already called '" + value + "'");
        }
        LayerSpec edited = field.with(layer, value);
        NetworkSpec after = net.replaced(ref.index(), edited);
        Optional<Diagnostic> introduced = newErrorOn(ref.index(), net, after);
        if (introduced.isPresent()) {
            throw new IllegalArgumentException(where + ": " + introduced.get().message());
        }
        String oldName = layer.name();
        String newName = edited.name();
        return Optional.of(new Command("Set " + fieldName + " of " + layer.name(), s -> {
            ExperimentSpec changed = ref.lane().with(s, ref.lane().network(s).replaced(ref.index(), edited));
            return Pairs.prune(Pairs.rename(changed, ref.lane(), oldName, newName));
        }, ref));
    }

    /** The first error diagnostic about {@code index} in {@code after} that {@code before} did not have. */
    private static Optional<Diagnostic> newErrorOn(int index, NetworkSpec before, NetworkSpec after) {
        List<String> old = new ArrayList<>();
        for (Diagnostic d : ShapeInference.analyze(before).diagnosticsFor(index)) {
            old.add(d.message());
        }
        for (Diagnostic d : ShapeInference.analyze(after).diagnosticsFor(index)) {
            if (d.severity() == Diagnostic.Severity.ERROR && !old.contains(d.message())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Optional<Command> setTraining(ExperimentSpec spec, TrainingSpec training, String what) {
        if (spec.training().equals(training)) {
            return Optional.empty();
        }
        return Optional.of(Command.of("Set " + what, s -> s.withTraining(training)));
    }

    public static Optional<Command> setDataset(ExperimentSpec spec, DatasetSpec dataset) {
        if (spec.dataset().equals(dataset)) {
            return Optional.empty();
        }
        return Optional.of(Command.of("Set dataset " + dataset.name(), s -> s.withDataset(dataset)));
    }

    public static Optional<Command> setArms(ExperimentSpec spec, List<ArmSpec> arms, String what) {
        if (spec.arms().equals(arms)) {
            return Optional.empty();
        }
        List<ArmSpec> copy = List.copyOf(arms);
        return Optional.of(Command.of(what, s -> s.withArms(copy)));
    }

    /** Adds a pair (switching to manual pairs, starting from the pairs in force). */
    public static Optional<Command> addPair(ExperimentSpec spec, TapPair pair) {
        requireTaps(spec, pair);
        List<TapPair> pairs = Pairs.current(spec);
        if (pairs.contains(pair)) {
            return Optional.empty();
        }
        pairs.add(pair);
        return Optional.of(Command.of("Pair " + pair.guideTap() + " with " + pair.targetTap(),
                s -> s.withPairing(Pairing.manual(pairs))));
    }

    public static Optional<Command> removePair(ExperimentSpec spec, TapPair pair) {
        List<TapPair> pairs = Pairs.current(spec);
        if (!pairs.remove(pair)) {
            return Optional.empty();
        }
        return Optional.of(Command.of("Unpair " + pair.guideTap() + " and " + pair.targetTap(),
                s -> s.withPairing(Pairing.manual(pairs))));
    }

    /** Moves one end of a pair to another tap (the user dragged a line's end). */
    public static Optional<Command> reconnect(ExperimentSpec spec, TapPair pair, TapPair replacement) {
        requireTaps(spec, replacement);
        List<TapPair> pairs = Pairs.current(spec);
        int i = pairs.indexOf(pair);
        if (i < 0 || pair.equals(replacement)) {
            return Optional.empty();
        }
        if (pairs.contains(replacement)) {
            pairs.remove(i);
        } else {
            pairs.set(i, replacement);
        }
        return Optional.of(Command.of("Reconnect " + pair.guideTap() + " to " + replacement.targetTap(),
                s -> s.withPairing(Pairing.manual(pairs))));
    }

    /** Back to the paper's rule. */
    public static Optional<Command> resetPairing(ExperimentSpec spec) {
        if (spec.pairing().mode() == Pairing.Mode.RULE) {
            return Optional.empty();
        }
        return Optional.of(Command.of("Reset pairs to the paper's rule", s -> s.withPairing(Pairing.rule())));
    }

    private static void requireTaps(ExperimentSpec spec, TapPair pair) {
        if (!spec.guide().tapNames().contains(pair.guideTap())) {
            throw new IllegalArgumentException("guide layer '" + pair.guideTap() + "' is not a tap");
        }
        if (!spec.target().tapNames().contains(pair.targetTap())) {
            throw new IllegalArgumentException("target layer '" + pair.targetTap() + "' is not a tap");
        }
    }

    static LayerSpec layerAt(ExperimentSpec spec, BlockRef ref) {
        NetworkSpec net = ref.lane().network(spec);
        if (ref.index() < 0 || ref.index() >= net.size()) {
            throw new IllegalArgumentException(ref.lane().label().toLowerCase() + " has no layer " + ref.index());
        }
        return net.layer(ref.index());
    }

    /** "target layer 2 'dense1' (units)". */
    public static String where(BlockRef ref, LayerSpec layer, String field) {
        return ref.lane().label().toLowerCase() + " layer " + ref.index() + " '" + layer.name() + "'"
                + (field == null ? "" : " (" + field + ")");
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
