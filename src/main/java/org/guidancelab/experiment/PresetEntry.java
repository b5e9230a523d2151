package org.guidancelab.experiment;

/**
 * One file of the preset gallery: an experiment preset ({@code teaching-demo.json}) or a reusable network of the
 * architecture library ({@code architectures/small-cnn.json}).
 *
 * @param file  the path below the presets folder, with '/' separators
 * @param json  the file's text (files are small; keeping the text makes jar and folder alike)
 */
public record PresetEntry(String title, String description, String file, String json) {

    /** "presets/architectures/small-cnn.json", the label used in error messages. */
    public String label() {
        return PresetCatalog.ROOT + "/" + file;
    }
}
