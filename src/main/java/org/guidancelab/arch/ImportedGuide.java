package org.guidancelab.arch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A guide network trained elsewhere, named by its model file (a Keras 2 h5 or a DeepLearning4J zip), with the
 * layers of that file chosen as taps. Only the reference lives here: arch cannot read model files (no ND4J in
 * this package), the engine's {@code imported} package does.
 *
 * @param file as written in the experiment ("guides/small-cnn.h5"); a relative path is resolved against {@code base}
 * @param taps the file's layer names whose outputs are the guide's taps, in network order
 * @param base the folder of the experiment file that named it (null: the working directory); never written to JSON
 */
public record ImportedGuide(String file, List<String> taps, Path base) {
    public ImportedGuide {
        Objects.requireNonNull(file, "file");
        taps = List.copyOf(taps);
    }

    /** The model file as a path: {@code file} when absolute, else resolved against {@code base}. */
    public Path path() {
        Path p = Path.of(file);
        return p.isAbsolute() || base == null ? p : base.resolve(file);
    }

    /**
     * The file as written and the taps: {@code base} is where the experiment was read from, not part of the value,
     * so an experiment written out and read back (or read from a jar and from a folder) is the same experiment.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ImportedGuide g && g.file.equals(file) && g.taps.equals(taps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, taps);
    }

    public ImportedGuide withTaps(List<String> newTaps) {
        return new ImportedGuide(file, newTaps, base);
    }
}
