/**
 * Figures of guided-training runs, as JFreeChart objects built from plain records, and their export.
 *
 * <ul>
 *   <li>Inputs: {@link org.guidancelab.figures.Curve} (one metric of one arm against step),
 *       {@link org.guidancelab.figures.GuidanceMarker} (where an arm's guide was disconnected),
 *       {@link org.guidancelab.figures.CkaHeatmap} (a layer-by-layer CKA matrix at one step), gathered per run in
 *       {@link org.guidancelab.figures.RunFigureData}. Metric names are the trainer's
 *       ({@link org.guidancelab.engine.train.Metrics}).</li>
 *   <li>Charts: {@link org.guidancelab.figures.CurveCharts} (training | validation loss and accuracy, guidance loss,
 *       per-pair CKA), {@link org.guidancelab.figures.HeatmapCharts} (one matrix, before | after). Colours of arms come
 *       from one {@link org.guidancelab.figures.ArmPalette} per run. The app shows the same charts (in
 *       {@code org.jfree.chart.fx.ChartViewer}, or drawn into an image off the FX thread while a run trains); while
 *       a run trains it appends to a {@link org.guidancelab.figures.LiveCurveChart} once per frame.</li>
 *   <li>Export: {@link org.guidancelab.figures.ChartImages} (PNG at a scale, SVG),
 *       {@link org.guidancelab.figures.ChartCsv} (the numbers drawn), {@link org.guidancelab.figures.FigureExporter}
 *       and {@link org.guidancelab.figures.RunFigures#writeAll} (every figure of a run, named by
 *       {@link org.guidancelab.figures.FigureFiles}).</li>
 * </ul>
 *
 * <p>No JavaFX here (ArchitectureTest holds it): everything draws through Graphics2D, headless in tests and the CLI.
 */
package org.guidancelab.figures;
