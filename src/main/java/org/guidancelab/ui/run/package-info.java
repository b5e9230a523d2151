/**
 * Training from the app: {@link org.guidancelab.ui.run.TrainingService} queues {@link org.guidancelab.ui.run.RunJob}s
 * (new runs captured when Run is pressed, or resumes of run folders) and runs them one at a time as
 * {@link org.guidancelab.ui.run.TrainingTask}s on a daemon thread. Each task's trainer reports to the run writer (the
 * run folder), a {@link org.guidancelab.ui.run.LiveFeed} (bounded buffers the dashboard drains once per frame) and a
 * {@link org.guidancelab.ui.run.PauseGate} (holds the training thread between steps while paused). Nothing here
 * touches controls; the views are in {@code org.guidancelab.ui.dashboard}.
 */
package org.guidancelab.ui.run;
