package org.guidancelab.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * The numbers behind a figure as CSV, read back from the chart itself so they are exactly the numbers drawn (after
 * NaN filtering, smoothing and reduction), written with full double precision.
 *
 * <p>Curve figures: {@code panel,series,step,value}; a "guide off" marker is a row with an empty value.
 * Heatmap figures: {@code panel,step,row_role,row,row_tap,col_role,col,col_tap,cka,loss_pair}.
 */
public final class ChartCsv {
    public static final String CURVE_HEADER = "panel,series,step,value";
    public static final String HEATMAP_HEADER = "panel,step,row_role,row,row_tap,col_role,col,col_tap,cka,loss_pair";
    /** Lines with bands (a sweep's mean +- sd, a YIntervalSeriesCollection): the line's value and the band's ends. */
    public static final String BAND_HEADER = "panel,series,x,value,low,high";
    /** A grid of cells (a sweep's heatmap): x and y as the axes label them, and the cell's value. */
    public static final String GRID_HEADER = "panel,series,x,y,value";

    private ChartCsv() {
    }

    public static String csv(JFreeChart chart) {
        List<XYPlot> panels = panels(chart.getPlot());
        boolean heatmap = panels.stream().anyMatch(p -> heatmapOf(p) != null);
        boolean grid = !heatmap && panels.stream().anyMatch(p -> datasets(p).stream().anyMatch(d -> d instanceof XYZDataset));
        boolean bands = !heatmap && !grid && panels.stream().anyMatch(p -> datasets(p).stream()
                .anyMatch(d -> d instanceof YIntervalSeriesCollection));
        StringBuilder sb = new StringBuilder(heatmap ? HEATMAP_HEADER : grid ? GRID_HEADER : bands ? BAND_HEADER
                : CURVE_HEADER).append('\n');
        for (XYPlot p : panels) {
            String panel = PanelAxes.title(p) == null ? "" : PanelAxes.title(p);
            if (grid) {
                appendGrid(sb, panel, p);
            } else if (bands) {
                appendBands(sb, panel, p);
            } else if (heatmap) {
                HeatmapImageAnnotation a = heatmapOf(p);
                if (a != null) {
                    appendMatrix(sb, panel, a.heatmap());
                }
            } else {
                appendSeries(sb, panel, p);
            }
        }
        return sb.toString();
    }

    public static void write(JFreeChart chart, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, csv(chart));
    }

    static List<XYPlot> panels(Plot plot) {
        List<XYPlot> out = new ArrayList<>();
        if (plot instanceof CombinedRangeXYPlot c) {
            out.addAll(c.getSubplots());
        } else if (plot instanceof CombinedDomainXYPlot c) {
            out.addAll(c.getSubplots());
        } else if (plot instanceof XYPlot p) {
            out.add(p);
        } else {
            throw new IllegalArgumentException("CSV export supports XY plots only, not " + plot.getPlotType());
        }
        return out;
    }

    private static HeatmapImageAnnotation heatmapOf(XYPlot plot) {
        for (XYAnnotation a : plot.getAnnotations()) {
            if (a instanceof HeatmapImageAnnotation h) {
                return h;
            }
        }
        return null;
    }

    private static List<XYDataset> datasets(XYPlot plot) {
        List<XYDataset> out = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) != null) {
                out.add(plot.getDataset(d));
            }
        }
        return out;
    }

    private static void appendBands(StringBuilder sb, String panel, XYPlot plot) {
        for (XYDataset ds : datasets(plot)) {
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                String key = String.valueOf(ds.getSeriesKey(s));
                for (int i = 0; i < ds.getItemCount(s); i++) {
                    String low = ds instanceof YIntervalSeriesCollection b ? num(b.getStartYValue(s, i)) : "";
                    String high = ds instanceof YIntervalSeriesCollection b ? num(b.getEndYValue(s, i)) : "";
                    row(sb, panel, key, num(ds.getXValue(s, i)), num(ds.getYValue(s, i)), low, high);
                }
            }
        }
    }

    private static void appendGrid(StringBuilder sb, String panel, XYPlot plot) {
        for (XYDataset ds : datasets(plot)) {
            if (!(ds instanceof XYZDataset z)) {
                continue;
            }
            for (int s = 0; s < z.getSeriesCount(); s++) {
                String key = String.valueOf(z.getSeriesKey(s));
                for (int i = 0; i < z.getItemCount(s); i++) {
                    row(sb, panel, key, label(plot.getDomainAxis(), z.getXValue(s, i)),
                            label(plot.getRangeAxis(), z.getYValue(s, i)), num(z.getZValue(s, i)));
                }
            }
        }
    }

    /** A position as its axis names it (a symbol axis's label), else the number. */
    private static String label(org.jfree.chart.axis.ValueAxis axis, double v) {
        if (axis instanceof SymbolAxis s && v == Math.rint(v) && v >= 0 && v < s.getSymbols().length) {
            return s.valueToString(v);
        }
        return num(v);
    }

    private static void appendSeries(StringBuilder sb, String panel, XYPlot plot) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset ds = plot.getDataset(d);
            if (ds == null) {
                continue;
            }
            for (int s = 0; s < ds.getSeriesCount(); s++) {
                String key = String.valueOf(ds.getSeriesKey(s));
                for (int i = 0; i < ds.getItemCount(s); i++) {
                    row(sb, panel, key, num(ds.getXValue(s, i)), num(ds.getYValue(s, i)));
                }
            }
        }
        for (Layer layer : new Layer[] {Layer.BACKGROUND, Layer.FOREGROUND}) {
            java.util.Collection<?> markers = plot.getDomainMarkers(0, layer);
            if (markers == null) {
                continue;
            }
            for (Object m : markers) {
                if (m instanceof ValueMarker vm) {
                    row(sb, panel, vm.getLabel() == null ? "marker" : vm.getLabel(), num(vm.getValue()), "");
                }
            }
        }
    }

    private static void appendMatrix(StringBuilder sb, String panel, CkaHeatmap h) {
        for (int r = 0; r < h.rows(); r++) {
            for (int c = 0; c < h.cols(); c++) {
                row(sb, panel, Integer.toString(h.step()), h.rowRole(), Integer.toString(r), h.rowTaps().get(r),
                        h.colRole(), Integer.toString(c), h.colTaps().get(c), num(h.value(r, c)),
                        Boolean.toString(h.isPair(r, c)));
            }
        }
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static void row(StringBuilder sb, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(fields[i]));
        }
        sb.append('\n');
    }

    /** RFC 4180 quoting, only where needed (layer names may hold commas, e.g. "conv(3,3)"). */
    static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
