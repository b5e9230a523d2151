/**
 * Sweeps: an experiment run over a grid of settings and seeds, each cell an ordinary run folder, with the answer as a
 * table and figures. Free of JavaFX and picocli, so the CLI, the app and a cluster executor drive the same code.
 *
 * <ul>
 *   <li>Files: {@link org.guidancelab.sweep.SweepJson} reads a sweep file ({@link org.guidancelab.sweep.SweepFile}),
 *       located like experiment files (file:line and JSON path in every message).</li>
 *   <li>Settings: {@link org.guidancelab.sweep.SettingPath} names a setting of an experiment
 *       ({@code training.alpha}, {@code arms[guided].warmup}, {@code target.layers[fc2].units}, {@code pairing}, ...),
 *       resolves it to {@link org.guidancelab.sweep.Setting}s with their type and valid range, and applies a value;
 *       {@link org.guidancelab.sweep.SettingPath#settable} lists every setting of an experiment (for a UI).</li>
 *   <li>Plan: {@link org.guidancelab.sweep.SweepPlan#expand} turns a file into {@link org.guidancelab.sweep.Axis}es and
 *       {@link org.guidancelab.sweep.SweepCell}s (the grid's product, ids such as {@code warmup=50,seed=2}), checking
 *       every cell before anything trains ({@link org.guidancelab.sweep.SweepException} lists each
 *       {@link org.guidancelab.sweep.SweepProblem}); {@link org.guidancelab.sweep.SweepPlan#select} is --only.</li>
 *   <li>Running: {@link org.guidancelab.sweep.SweepRunner} runs the cells into a
 *       {@link org.guidancelab.sweep.SweepFolder} through a {@link org.guidancelab.sweep.SweepExecutor}
 *       ({@link org.guidancelab.sweep.LocalExecutor}: J threads, one compute thread each), reporting to a
 *       {@link org.guidancelab.sweep.SweepProgress}; each cell's life in the folder (temporary name, lock, resume,
 *       rename when finished) is {@link org.guidancelab.sweep.CellRun#run}, harmless to repeat, and its training the
 *       one call of {@link org.guidancelab.sweep.CellTrainer} ({@link org.guidancelab.sweep.TrainerCellTrainer} today).
 *       {@link org.guidancelab.sweep.CancelSignal} stops it between steps.</li>
 *   <li>Clusters: {@link org.guidancelab.sweep.ClusterBackend}, found with ServiceLoader (Spark: the thin jar's
 *       {@code org.guidancelab.spark}), gives a {@link org.guidancelab.sweep.ClusterConnection}: an executor and a
 *       trainer that trains each cell elsewhere while the runner keeps the folder here.</li>
 *   <li>Results: {@link org.guidancelab.sweep.SweepSummary} (summary.csv), {@link org.guidancelab.sweep.SweepStatus}
 *       (status.json), {@link org.guidancelab.sweep.PlanRecord} (plan.json), readable while the sweep runs;
 *       {@link org.guidancelab.sweep.SweepFigureSource} hands them to the figures package's SweepCharts.</li>
 * </ul>
 */
package org.guidancelab.sweep;
