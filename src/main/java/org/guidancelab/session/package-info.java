/**
 * Running an experiment, once for every caller: {@link org.guidancelab.session.RunSession} takes a fresh experiment
 * or a run folder to continue, checks it before anything is written, loads ND4J, creates or reopens the folder, trains
 * with the run writer listening, and returns a {@link org.guidancelab.session.RunSummary}. It runs on the calling
 * thread: the CLI's {@code run} and {@code resume}, {@code reproduce}'s jobs, a sweep's worker and a task in another
 * JVM call it directly; the app wraps it in a JavaFX service ({@code ui.run}). Its listeners hear one event stream
 * (a resume replays what the folder kept, then trains); {@link org.guidancelab.session.LiveFeed} hands that stream to
 * a UI thread once per frame. No JavaFX here (ArchitectureTest holds it), and nothing but this package trains with a
 * run writer.
 */
package org.guidancelab.session;
