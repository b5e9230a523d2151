/**
 * The Sweep tab: a sweep drafted from the open experiment ({@link org.guidancelab.ui.sweep.SweepDraft}), run in the
 * background through the sweep package, and any sweep folder (this app's, the {@code sweep} command's, a cluster
 * executor's) followed while it fills ({@link org.guidancelab.ui.sweep.SweepFollower}): the grid of cells and the
 * metric-vs-axis chart are always drawn from what the folder holds.
 */
package org.guidancelab.ui.sweep;
