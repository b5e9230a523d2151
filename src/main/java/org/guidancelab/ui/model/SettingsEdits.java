package org.guidancelab.ui.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.TrainingSpec;

/** Edits of the experiment settings from typed text, refusing values that can never be right with a message. */
public final class SettingsEdits {
    private SettingsEdits() {
    }

    public static Optional<Command> training(ExperimentSpec spec, String field, Object raw) {
        TrainingSpec t = spec.training();
        TrainingSpec n;
        switch (field) {
            case "alpha": n = t.withAlpha(nonNegative(field, number(field, raw))); break;
            case "learningRate": n = t.withLearningRate(positive(field, number(field, raw))); break;
            case "batchSize": n = t.withBatchSize((int) atLeast(field, whole(field, raw), 1)); break;
            case "steps": n = t.withSteps((int) atLeast(field, whole(field, raw), 1)); break;
            case "evalInterval": n = t.withEvalInterval((int) atLeast(field, whole(field, raw), 1)); break;
            case "seed": n = t.withSeed(whole(field, raw)); break;
            case "optimizer":
                OptimizerKind k = raw instanceof OptimizerKind o ? o : OptimizerKind.parse(String.valueOf(raw));
                if (k == null) {
                    throw new IllegalArgumentException("optimizer must be adam, adamw or sgd (got \"" + raw + "\")");
                }
                n = t.withOptimizer(k);
                break;
            default: throw new IllegalArgumentException("unknown training setting " + field);
        }
        return Edits.setTraining(spec, n, field);
    }

    public static Optional<Command> datasetName(ExperimentSpec spec, Object raw) {
        String name = String.valueOf(raw).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("dataset: the name must not be empty");
        }
        return Edits.setDataset(spec, new DatasetSpec(name, spec.dataset().params()));
    }

    /** "size=28, train=2000, path=/data/mnist" -> numbers where they parse, text otherwise. */
    public static Optional<Command> datasetParams(ExperimentSpec spec, Object raw) {
        Map<String, Object> params = new LinkedHashMap<>();
        String s = String.valueOf(raw).trim();
        if (!s.isEmpty()) {
            for (String part : s.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("dataset parameters: expected key=value, got \"" + part.trim() + "\"");
                }
                params.put(part.substring(0, eq).trim(), value(part.substring(eq + 1).trim()));
            }
        }
        return Edits.setDataset(spec, new DatasetSpec(spec.dataset().name(), params));
    }

    public static String formatParams(DatasetSpec d) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : d.params().entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private static Object value(String v) {
        try {
            return Long.parseLong(v) <= Integer.MAX_VALUE && Long.parseLong(v) >= Integer.MIN_VALUE
                    ? (Object) Integer.parseInt(v) : (Object) Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e2) {
                if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(v);
                }
                return v;
            }
        }
    }

    static double number(String field, Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        try {
            double v = Double.parseDouble(String.valueOf(raw).trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number (got \"" + raw + "\")");
        }
    }

    static long whole(String field, Object raw) {
        if (raw instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number (got \"" + raw + "\")");
        }
    }

    private static double nonNegative(String field, double v) {
        if (v < 0) {
            throw new IllegalArgumentException(field + " must not be negative (got " + v + ")");
        }
        return v;
    }

    private static double positive(String field, double v) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be above 0 (got " + v + ")");
        }
        return v;
    }

    private static long atLeast(String field, long v, long min) {
        if (v < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + " (got " + v + ")");
        }
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " is too large (got " + v + ")");
        }
        return v;
    }
}
