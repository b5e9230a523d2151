package org.guidancelab.experiment;

import java.nio.file.Path;

/**
 * One file of the preset gallery: an experiment preset ({@code teaching-demo.json}) or a reusable network of the
 * architecture library ({@code architectures/small-cnn.json}).
 *
 * @param file  the path below the presets folder, with '/' separators
 * @param json  the file's text (files are small; keeping the text makes jar and folder alike)
 * @param folder the folder holding the file when the presets are files (an imported guide's model file is relative
 *               to it); null inside a jar
 */
public record PresetEntry(String title, String description, String file, String json, Path folder) {
    public PresetEntry(String title, String description, String file, String json) {
        this(title, description, file, json, null);
    }

    /** The same file read from a folder or a jar is the same entry: {@code folder} is where, not what. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PresetEntry e && e.title.equals(title) && e.description.equals(description)
                && e.file.equals(file) && e.json.equals(json);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(title, description, file, json);
    }

    /** "presets/architectures/small-cnn.json", the label used in error messages. */
    public String label() {
        return PresetCatalog.ROOT + "/" + file;
    }
}
