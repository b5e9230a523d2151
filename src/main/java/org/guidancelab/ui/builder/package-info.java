/**
 * The builder: the guide and target lanes of layer blocks ({@link org.guidancelab.ui.builder.MainWindow}), the
 * palette and architecture library, the property and settings panels, problems and the status bar, on the document
 * model of {@code org.guidancelab.ui.model}. Run hands the experiment to whoever listens
 * ({@link org.guidancelab.ui.builder.MainWindow#setOnRun}); training and its views are elsewhere.
 */
package org.guidancelab.ui.builder;
