package org.guidancelab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.guidancelab.figures.CurveOptions;
import org.guidancelab.figures.Figure;
import org.guidancelab.figures.HeatmapOptions;
import org.guidancelab.figures.RunFigureData;
import org.guidancelab.figures.RunFigures;
import org.jfree.chart.fx.ChartViewer;

/** Every figure of a finished (or stopped, or failed) run, one under the other, each with the export menu. */
public final class RunFiguresView extends ScrollPane {
    private final VBox box = new VBox(10);
    private final RunDialogs dialogs;
    private final List<Figure> figures = new ArrayList<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper empty = new javafx.beans.property.ReadOnlyBooleanWrapper(true);
    private String setName = "run";

    public RunFiguresView(RunDialogs dialogs) {
        this.dialogs = dialogs;
        setId("run-figures");
        box.setPadding(new Insets(8));
        setContent(box);
        setFitToWidth(true);
        box.getChildren().add(new Label("Open a run to see its figures."));
    }

    /** A run's figures as charts: no scene-graph object yet, so a background thread may build them. */
    public static RunFigureSet build(RunFigureData data) {
        return new RunFigureSet(data.runName(), RunFigures.figures(data, CurveOptions.defaults(), HeatmapOptions.defaults()));
    }

    public void show(RunFigureData data) {
        show(build(data));
    }

    /** Shows figures built by {@link #build}; FX thread only. */
    public void show(RunFigureSet set) {
        box.getChildren().clear();
        figures.clear();
        figures.addAll(set.figures());
        setName = set.runName();
        empty.set(figures.isEmpty());
        if (figures.isEmpty()) {
            box.getChildren().add(new Label("Run " + set.runName() + " recorded no steps."));
            return;
        }
        // Heatmaps go side by side (wrapping at the view's width): several arms' or runs' matrices compare at a glance.
        javafx.scene.layout.FlowPane heatmaps = null;
        for (Figure f : figures) {
            ChartViewer v = new ChartViewer(f.chart());
            v.setId("figure-" + f.name());
            v.setPrefSize(f.width(), f.height());
            v.setMinHeight(f.height() * 0.8);
            String file = set.runName() + "_" + f.name() + (f.step().isPresent() ? "_step" + f.step().getAsInt() : "");
            ChartExport.install(v, () -> file, dialogs);
            if (isHeatmap(f)) {
                if (heatmaps == null) {
                    heatmaps = new javafx.scene.layout.FlowPane(10, 10);
                    heatmaps.getStyleClass().add("heatmap-row");
                    box.getChildren().add(heatmaps);
                }
                v.setMinWidth(f.width() * 0.6);
                heatmaps.getChildren().add(v);
            } else {
                heatmaps = null;
                box.getChildren().add(v);
            }
        }
    }

    private static boolean isHeatmap(Figure f) {
        return f.name().startsWith("cka-") || f.name().startsWith("self-similarity-");
    }

    public void clear(String text) {
        figures.clear();
        empty.set(true);
        box.getChildren().setAll(new Label(text));
    }

    /** The charts of one run, ready to be put on screen. */
    public record RunFigureSet(String runName, List<Figure> figures) {
        public RunFigureSet {
            figures = List.copyOf(figures);
        }
    }

    /** True while no figure is on show. */
    public javafx.beans.property.ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** The name of the run (or comparison) on show, for file names. */
    public String setName() {
        return setName;
    }

    /** Everything on show, scrolled out of sight or not: what "Export view" draws. */
    public javafx.scene.Node content() {
        return box;
    }

    /** The figures on show, in order. */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }
}
