/**
 * The app's shell and bootstrap: {@link org.guidancelab.ui.app.GuidanceLabApp} (the JavaFX application: theme,
 * icon, window), {@link org.guidancelab.ui.app.LabShell} (the Builder | Dashboard | History tabs, Run in the builder
 * queued on the training service, closing that stops training cleanly) and {@link org.guidancelab.ui.app.FirstFrames}
 * (lets ND4J load once the window has drawn). It puts the builder and the dashboard together; neither knows it.
 */
package org.guidancelab.ui.app;
