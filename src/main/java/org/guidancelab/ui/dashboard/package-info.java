/**
 * The training views: {@link org.guidancelab.ui.dashboard.Dashboard} (run controls and progress, {@link
 * org.guidancelab.ui.dashboard.LiveCurves}, {@link org.guidancelab.ui.dashboard.HeatmapPanel}, the arms' explanation,
 * a banner for failures) and {@link org.guidancelab.ui.dashboard.HistoryView} (past runs: open all figures, resume,
 * delete, export metrics). Charts come from {@code org.guidancelab.figures}; the live ones are drawn off the FX thread
 * into an image by {@link org.guidancelab.ui.dashboard.ChartImageView}, the history's are shown in JFreeChart's
 * {@code ChartViewer}, each with the export menu of {@link org.guidancelab.ui.dashboard.ChartExport}.
 */
package org.guidancelab.ui.dashboard;
