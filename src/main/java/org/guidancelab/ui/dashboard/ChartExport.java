package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Writes the chart on screen to a file of the given format ("png", "svg", "csv"). */
    private interface Target {
        void write(String ext, Path file) throws IOException;
    }

    /** Replaces the viewer's context menu with the export items; {@code name} gives the suggested file name. */
    public static void install(ChartViewer viewer, Supplier<String> name, RunDialogs dialogs) {
        install(viewer.getContextMenu(), (ext, p) -> write(viewer.getChart(), ext, p, size(viewer.getWidth()),
                size(viewer.getHeight())), name, dialogs);
    }

    /**
     * The same menu for a chart drawn off the FX thread: the export draws the chart while the view's renderer
     * leaves it alone.
     */
    public static void install(ChartImageView view, Supplier<String> name, RunDialogs dialogs) {
        install(view.getContextMenu(), (ext, p) -> {
            try {
                view.withChart(c -> {
                    try {
                        write(c, ext, p, size(view.getWidth()), size(view.getHeight()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }, name, dialogs);
    }

    private static void install(ContextMenu menu, Target target, Supplier<String> name, RunDialogs dialogs) {
        menu.getItems().setAll(
                item("Export PNG (2x)…", "png", target, name, dialogs),
                item("Export SVG…", "svg", target, name, dialogs),
                item("Export CSV…", "csv", target, name, dialogs));
    }

    private static MenuItem item(String text, String ext, Target target, Supplier<String> name, RunDialogs dialogs) {
        MenuItem m = new MenuItem(text);
        m.setId("export-" + ext);
        m.setOnAction(e -> {
            String file = FigureFiles.sanitise(name.get()) + "." + ext;
            dialogs.chooseExportFile("Export " + ext.toUpperCase(java.util.Locale.ROOT), file).ifPresent(p -> {
                try {
                    target.write(ext, p);
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
