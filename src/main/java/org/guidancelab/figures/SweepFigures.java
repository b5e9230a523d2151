package org.guidancelab.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every figure of a sweep: the metric against each numeric axis (with two values or more), and for each pair of axes
 * (the first three axes at most) a heatmap of the metric per arm. Written as {@code sweep_FIGURE.png} (or .svg) with a
 * CSV of the numbers drawn beside each.
 */
public final class SweepFigures {
    static final int LINE_WIDTH = 760;
    static final int LINE_HEIGHT = 480;
    static final int CELL = 70;
    static final String RUN_NAME = "sweep";

    private SweepFigures() {
    }

    public static List<Figure> figures(SweepChartData data) {
        List<Figure> out = new ArrayList<>();
        for (SweepChartData.AxisInfo a : data.axes()) {
            if (a.numeric() && a.labels().size() >= 2) {
                out.add(Figure.of(data.metric() + "-vs-" + a.name(), SweepCharts.metricVsAxis(data, a.name()),
                        LINE_WIDTH, LINE_HEIGHT));
            }
        }
        List<SweepChartData.AxisInfo> axes = data.axes().stream().filter(a -> a.labels().size() >= 2).limit(3).toList();
        for (int i = 0; i < axes.size(); i++) {
            for (int j = i + 1; j < axes.size(); j++) {
                SweepChartData.AxisInfo x = axes.get(i);
                SweepChartData.AxisInfo y = axes.get(j);
                for (String arm : data.arms()) {
                    int w = Math.max(520, 220 + CELL * x.labels().size());
                    int h = Math.max(360, 200 + (CELL * 3 / 4) * y.labels().size());
                    out.add(Figure.of(data.metric() + "-" + x.name() + "-x-" + y.name() + "-" + arm,
                            SweepCharts.heatmap(data, x.name(), y.name(), arm), w, h));
                }
            }
        }
        return out;
    }

    /** Writes every figure (image + CSV each) into {@code dir}; returns the files written. */
    public static List<Path> writeAll(SweepChartData data, Path dir, ExportFormat format, double scale) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Figure f : figures(data)) {
            written.addAll(FigureExporter.write(f, RUN_NAME, dir, format, scale));
        }
        return written;
    }
}
