package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** PNG, SVG and CSV files written from synthetic data, checked by reading them back. */
class ExportTest {
    private static final RunFigureData RUN = SyntheticRun.run("deep FCN");

    @TempDir
    Path dir;

    @Test
    void pngHasTheScaledSizeAndIsNotBlank() throws Exception {
        JFreeChart chart = CurveCharts.loss(RUN.curves(), RUN.markers(), ArmPalette.of(RUN.arms()),
                CurveOptions.defaults());
        Path file = dir.resolve("sub/loss.png");
        ChartImages.writePng(chart, file, 800, 350, 2.0);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(700, img.getHeight());
        assertEquals(0xFFFFFFFF, img.getRGB(2, 2), "white background");
        assertEquals(144, dotsPerInch(file), "2x is recorded as 144 dpi, so the figure keeps its size in points");
        Set<Integer> colours = new HashSet<>();
        int nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y);
                colours.add(rgb);
                if (rgb != 0xFFFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertTrue(colours.size() > 50, colours.size() + " colours");
        assertTrue(nonWhite > 2000, nonWhite + " non-white samples");
        // Every arm's colour appears: the curves were drawn.
        for (String arm : RUN.arms()) {
            int rgb = ArmPalette.of(RUN.arms()).colour(arm).getRGB();
            assertTrue(countExact(img, rgb) > 100, arm + " drawn");
        }
    }

    private static long dotsPerInch(Path png) throws Exception {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            javax.imageio.ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            org.w3c.dom.Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) {
                    double perMetre = Double.parseDouble(((org.w3c.dom.Element) n).getAttribute("pixelsPerUnitXAxis"));
                    return Math.round(perMetre * 0.0254);
                }
            }
            return -1;
        }
    }

    private static int countExact(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void svgParsesAsXmlAndHoldsTheAxisLabelsAndLayerNamesAsText() throws Exception {
        CkaHeatmap h = SyntheticRun.heatmap(600, 1.0, new Random(2));
        Path file = dir.resolve("cka.svg");
        ChartImages.writeSvg(HeatmapCharts.heatmap(h, HeatmapOptions.defaults().withTitle("CKA, guided")), file,
                600, 500);
        List<String> texts = svgTexts(file);
        for (String expected : List.of("Target layer", "Guide layer", "CKA", "CKA, guided", "fc1", "fc6", "conv1",
                "pool", HeatmapCharts.PAIR_LEGEND)) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
        String svg = Files.readString(file);
        // Cells are vector rectangles in their exact colours (viewers would blur a scaled embedded image).
        java.awt.Color cell = ViridisScale.unit().colour(h.value(0, 0));
        String fill = "fill:rgb(" + cell.getRed() + "," + cell.getGreen() + "," + cell.getBlue() + ")";
        assertTrue(svg.contains(fill), "cell colour " + fill + " in SVG");
        assertTrue(!svg.contains("<image"), "no raster image in the SVG");
    }

    @Test
    void curveSvgHoldsStepAndLossLabelsAndPanelTitles() throws Exception {
        JFreeChart chart = CurveCharts.loss(RUN.curves(), RUN.markers(), ArmPalette.of(RUN.arms()),
                CurveOptions.defaults());
        Path file = dir.resolve("loss.svg");
        ChartImages.writeSvg(chart, file, 1000, 420);
        List<String> texts = svgTexts(file);
        for (String expected : List.of("Step", "Loss", "Training", "Validation", "unguided", "warmup 150",
                "guide off")) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
    }

    private static List<String> svgTexts(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(file))));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    @Test
    void curveCsvHoldsExactlyThePlottedPoints() throws Exception {
        JFreeChart chart = CurveCharts.loss(RUN.curves(), RUN.markers(), ArmPalette.of(RUN.arms()),
                CurveOptions.defaults());
        Path file = dir.resolve("loss.csv");
        ChartCsv.write(chart, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(ChartCsv.CURVE_HEADER, lines.get(0));
        List<String> expected = new ArrayList<>();
        for (XYPlot p : ((CombinedRangeXYPlot) chart.getPlot()).getSubplots()) {
            for (int d = 0; d < p.getDatasetCount(); d++) {
                XYDataset ds = p.getDataset(d);
                for (int s = 0; s < ds.getSeriesCount(); s++) {
                    for (int i = 0; i < ds.getItemCount(s); i++) {
                        expected.add(PanelAxes.title(p) + "," + ChartCsv.escape(ds.getSeriesKey(s).toString()) + ","
                                + ds.getXValue(s, i) + "," + ds.getYValue(s, i));
                    }
                }
            }
            expected.add(PanelAxes.title(p) + ",guide off,150.0,");
        }
        assertEquals(expected, lines.subList(1, lines.size()));
        // Parsing the numbers back gives the plotted doubles bit for bit.
        XYPlot train = ((CombinedRangeXYPlot) chart.getPlot()).getSubplots().get(0);
        double plotted = train.getDataset(CurvePlots.MAIN).getYValue(0, 7);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Training,unguided,")
                && Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)) == plotted));
    }

    @Test
    void heatmapCsvHoldsEveryCellAndFlagsTheLossPairs() throws Exception {
        CkaHeatmap h = SyntheticRun.heatmap(300, 0.5, new Random(9));
        String csv = ChartCsv.csv(HeatmapCharts.heatmap(h, HeatmapOptions.defaults()));
        List<String> lines = csv.lines().toList();
        assertEquals(ChartCsv.HEATMAP_HEADER, lines.get(0));
        assertEquals(1 + h.rows() * h.cols(), lines.size());
        int pairs = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int r = Integer.parseInt(f[3]);
            int c = Integer.parseInt(f[6]);
            assertEquals("300", f[1]);
            assertEquals(h.rowTaps().get(r), f[4]);
            assertEquals(h.colTaps().get(c), f[7]);
            assertEquals(h.value(r, c), Double.parseDouble(f[8]));
            assertEquals(h.isPair(r, c), Boolean.parseBoolean(f[9]));
            pairs += h.isPair(r, c) ? 1 : 0;
        }
        assertEquals(SyntheticRun.GUIDE_TAPS.size(), pairs);
    }

    @Test
    void csvQuotesLayerNamesWithCommas() {
        assertEquals("\"conv(3,3)\"", ChartCsv.escape("conv(3,3)"));
        assertEquals("\"say \"\"hi\"\"\"", ChartCsv.escape("say \"hi\""));
        assertEquals("fc1", ChartCsv.escape("fc1"));
    }
}
