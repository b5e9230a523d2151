package org.guidancelab.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guidancelab.figures.ChartImages;
import org.guidancelab.figures.CurveOptions;
import org.guidancelab.figures.Figure;
import org.guidancelab.figures.HeatmapOptions;
import org.guidancelab.figures.RunFigureData;
import org.guidancelab.figures.RunFigureSource;
import org.guidancelab.figures.RunFigures;
import org.guidancelab.runs.RunRecord;

/**
 * A finding's figures in the paper's layout, drawn by the figures package from one run folder (seed 1): loss curves
 * (training | validation panels, every arm), accuracy curves, and the CKA heatmap of the guided arm before and after
 * training. Written as PNG into {@code <out>/figures/<finding>-<figure>.png}.
 */
final class FigureSet {
    static final String DIR = "figures";

    private FigureSet() {
    }

    /** The figure files written, relative to {@code out}. */
    static List<Path> write(Finding finding, RunRecord seedOne, String guidedArm, Path out) throws IOException {
        RunFigureData data = RunFigureSource.from(seedOne);
        List<String> wanted = new ArrayList<>(List.of("loss", "accuracy"));
        if (guidedArm != null) {
            wanted.add("cka-" + guidedArm + "-before-after");
        }
        Path dir = out.resolve(DIR);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<Figure> all = RunFigures.figures(data, CurveOptions.defaults(), HeatmapOptions.defaults());
        for (String name : wanted) {
            for (Figure f : all) {
                if (f.name().equals(name)) {
                    Path file = dir.resolve(finding.id() + "-" + (name.startsWith("cka-") ? "cka-before-after" : name)
                            + ".png");
                    ChartImages.writePng(f.chart(), file, f.width(), f.height(), 1.0);
                    written.add(out.relativize(file));
                }
            }
        }
        return written;
    }
}
