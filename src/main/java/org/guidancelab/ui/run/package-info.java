/**
 * Training from the app: {@link org.guidancelab.ui.run.TrainingService} queues {@link org.guidancelab.ui.run.RunJob}s
 * (new runs captured when Run is pressed, or resumes of run folders) and runs each as a
 * {@link org.guidancelab.session.RunSession} through a JavaFX service on one lowered daemon thread. The dashboard
 * drains the session's live feed once per frame. Nothing here touches controls; the views are in
 * {@code org.guidancelab.ui.dashboard}.
 */
package org.guidancelab.ui.run;
