package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.guidancelab.figures.ChartCsv;
import org.guidancelab.figures.ChartImages;
import org.guidancelab.figures.FigureFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The context menu of every chart and heatmap in the app: PNG at 2x, SVG, and the CSV of the numbers drawn, through
 * the figures package so the files match what the CLI writes. The image is laid out at the size the chart has on
 * screen, so what is exported is what the user sees.
 */
public final class ChartExport {
    public static final double PNG_SCALE = 2.0;
    static final int MIN_SIZE = 200;

    private ChartExport() {
    }

    /** Replaces the viewer's context menu with the export items; {@code name} gives the suggested file name. */
    public static void install(ChartViewer viewer, Supplier<String> name, RunDialogs dialogs) {
        ContextMenu menu = viewer.getContextMenu();
        menu.getItems().setAll(
                item("Export PNG (2x)…", "png", viewer, name, dialogs),
                item("Export SVG…", "svg", viewer, name, dialogs),
                item("Export CSV…", "csv", viewer, name, dialogs));
    }

    private static MenuItem item(String text, String ext, ChartViewer viewer, Supplier<String> name,
                                 RunDialogs dialogs) {
        MenuItem m = new MenuItem(text);
        m.setId("export-" + ext);
        m.setOnAction(e -> {
            String file = FigureFiles.sanitise(name.get()) + "." + ext;
            dialogs.chooseExportFile("Export " + ext.toUpperCase(java.util.Locale.ROOT), file).ifPresent(p -> {
                try {
                    write(viewer.getChart(), ext, p, size(viewer.getWidth()), size(viewer.getHeight()));
                } catch (IOException | RuntimeException ex) {
                    dialogs.showError("Export failed", "Could not write " + p + ": " + ex.getMessage());
                }
            });
        });
        return m;
    }

    private static int size(double px) {
        return Math.max(MIN_SIZE, (int) Math.round(px));
    }

    /** Writes the chart as png (at {@link #PNG_SCALE}), svg or csv. */
    public static void write(JFreeChart chart, String ext, Path file, int width, int height) throws IOException {
        switch (ext) {
            case "png" -> ChartImages.writePng(chart, file, width, height, PNG_SCALE);
            case "svg" -> ChartImages.writeSvg(chart, file, width, height);
            case "csv" -> ChartCsv.write(chart, file);
            default -> throw new IllegalArgumentException("unknown export format '" + ext + "'");
        }
    }
}
