package org.guidancelab.ui.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.TilePane;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.PlanRecord;

/**
 * The sweep's cells as tiles: each names its cell, its status and, once finished, the sweep's metric per arm, coloured
 * by the metric (darker is lower, as in the figures' viridis scale) or by its status while it has none. Clicking a
 * tile opens the cell's run folder.
 */
final class SweepGrid extends TilePane {
    private Consumer<Path> onOpen = p -> { };

    SweepGrid() {
        super(6, 6);
        setId("sweep-grid");
        setPadding(new Insets(6));
        setPrefColumns(4);
    }

    void setOnOpen(Consumer<Path> open) {
        onOpen = open;
    }

    /** Redraws the tiles from a snapshot (FX thread). */
    void show(SweepSnapshot s) {
        getChildren().clear();
        double[] range = metricRange(s);
        for (PlanRecord.CellRecord c : s.plan().cells()) {
            CellStatus status = s.statusOf(c.id());
            Map<String, Double> metric = s.metricOf(c.id());
            StringBuilder text = new StringBuilder(c.id()).append('\n').append(status.jsonName());
            metric.forEach((arm, v) -> text.append('\n').append(arm).append("  ")
                    .append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v)));
            Button tile = new Button(text.toString());
            tile.setId("sweep-cell-" + c.id());
            tile.getStyleClass().add("sweep-cell");
            tile.setUserData(status);
            tile.setMinWidth(USE_PREF_SIZE);
            tile.setMinHeight(USE_PREF_SIZE);
            double mean = metric.values().stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN);
            tile.setStyle(style(status, mean, range));
            Path run = s.runFolder(c.id());
            tile.setDisable(run == null);
            tile.setTooltip(new Tooltip(run == null ? "Not started yet" : "Open this cell's run (" + run + ")"));
            tile.setOnAction(e -> onOpen.accept(run));
            getChildren().add(tile);
        }
    }

    /** The tile of a cell, or null. */
    Button tile(String cell) {
        return (Button) getChildren().stream().filter(n -> ("sweep-cell-" + cell).equals(n.getId())).findFirst().orElse(null);
    }

    private static double[] metricRange(SweepSnapshot s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PlanRecord.CellRecord c : s.plan().cells()) {
            for (double v : s.metricOf(c.id()).values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** Viridis-like from dark blue (lowest) to yellow (highest); status colours before a metric exists. */
    private static String style(CellStatus status, double v, double[] range) {
        if (Double.isFinite(v)) {
            double t = range[1] > range[0] ? (v - range[0]) / (range[1] - range[0]) : 1.0;
            java.awt.Color c = org.guidancelab.figures.ViridisScale.unit().colour(t);
            String text = t > 0.55 ? "black" : "white";
            return String.format(Locale.ROOT, "-fx-background-color: rgb(%d,%d,%d); -fx-text-fill: %s;", c.getRed(),
                    c.getGreen(), c.getBlue(), text);
        }
        return switch (status) {
            case RUNNING -> "-fx-background-color: #cfe3ff;";
            case FAILED -> "-fx-background-color: #fde2e1;";
            case STOPPED -> "-fx-background-color: #fff1c2;";
            default -> "";
        };
    }

    static List<String> ids(SweepSnapshot s) {
        return s.plan().cells().stream().map(PlanRecord.CellRecord::id).toList();
    }
}
