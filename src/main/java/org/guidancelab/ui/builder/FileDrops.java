package org.guidancelab.ui.builder;

import java.io.File;
import java.util.List;
import org.guidancelab.ui.model.Lane;

/** Files dropped from the file manager: a network JSON onto a lane replaces that network, an experiment JSON the whole. */
interface FileDrops {
    /** Returns whether the drop was used. */
    boolean dropOnLane(List<File> files, Lane lane);

    boolean dropOnWindow(List<File> files);
}
