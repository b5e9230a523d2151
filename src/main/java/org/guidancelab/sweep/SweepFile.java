package org.guidancelab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.guidancelab.arch.LocatedJson;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * A sweep file as read by {@link SweepJson}, before its settings are resolved against the base experiment (that is
 * {@link SweepPlan}'s work, which reports what does not fit, naming the cell).
 *
 * @param file    where it was read from (null for text given without a file); a base file is found beside it
 * @param text    the file's text as read (copied into the sweep folder)
 * @param source  every value's line, for messages
 */
public record SweepFile(String title, String description, Base base, List<Fixed> set, List<AxisDecl> axes,
                        List<Integer> seeds, String metric, Path file, String text, LocatedJson source) {
    public SweepFile {
        set = List.copyOf(set);
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
    }

    /** The file's label in messages (its path as given). */
    public String label() {
        return source.file();
    }

    public int lineOf(String jsonPath) {
        return source.lineOf(jsonPath);
    }

    /** How the base experiment is given. */
    public enum BaseKind { PRESET, FILE, INLINE }

    /**
     * The experiment every cell starts from: a preset by name, an experiment file (relative to the sweep file), or an
     * experiment written inline; {@code arms} keeps only the arms named (empty: all of them).
     */
    public record Base(BaseKind kind, String ref, ExperimentSpec inline, List<String> arms) {
        public Base {
            arms = List.copyOf(arms);
        }
    }

    /** A setting every cell takes ("set": {"training.steps": 300}). */
    public record Fixed(String path, JsonNode value, String jsonPath) {
    }

    /** A range of numbers: {@code count} values from {@code from} to {@code to}, evenly or log-evenly spaced. */
    public record Range(double from, double to, int count, boolean log) {
    }

    /**
     * One axis as written: a setting's path and its values, listed ({@code values}) or as a {@code range}.
     *
     * @param labels per listed value, its label in cell ids (null where the file gives none)
     */
    public record AxisDecl(String name, String path, List<JsonNode> values, List<String> labels, Range range,
                           String jsonPath) {
        public AxisDecl {
            values = values == null ? List.of() : List.copyOf(values);
            labels = labels == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(labels));
        }
    }
}
