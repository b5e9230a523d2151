package org.guidancelab.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a figure as an image (PNG or SVG) with the CSV of its numbers beside it, named by {@link FigureFiles}. */
public final class FigureExporter {
    private FigureExporter() {
    }

    /**
     * @param scale pixels per point for PNG (2 for print); ignored for SVG, which is resolution-free
     * @return the image file and the CSV file written
     */
    public static List<Path> write(Figure figure, String runName, Path dir, ExportFormat format, double scale)
            throws IOException {
        Path image = dir.resolve(FigureFiles.name(runName, figure.name(), figure.step(), format.extension()));
        Path csv = dir.resolve(FigureFiles.name(runName, figure.name(), figure.step(), "csv"));
        if (format == ExportFormat.PNG) {
            ChartImages.writePng(figure.chart(), image, figure.width(), figure.height(), scale);
        } else {
            ChartImages.writeSvg(figure.chart(), image, figure.width(), figure.height());
        }
        ChartCsv.write(figure.chart(), csv);
        return List.of(image, csv);
    }
}
