package org.guidancelab.engine.imported;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a guide file holds (its format, input shape and layers) or why it cannot be read, remembered per file
 * version (path, size, modification time). The builder validates the experiment on every edit: re-importing the
 * file each time would cost a second per keystroke, and the listing is all validation and the lane need.
 */
public final class GuideCatalog {
    /** A file's layers, or the reason it cannot be a guide (exactly one is set). */
    public record Entry(String format, List<Integer> inputShape, List<GuideLayer> layers, String error) {
        public boolean ok() {
            return error == null;
        }

        public List<String> layerNames() {
            return layers.stream().map(GuideLayer::name).toList();
        }
    }

    private record Key(Path path, long size, long modified, List<Integer> inputShape) {
    }

    private static final int MAX = 16;
    private static final Map<Key, Entry> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MAX;
        }
    };

    /** The bundled model {@link #warmUp} opens (the imported-guide preset's guide). */
    static final String WARM_UP_MODEL = "presets/guides/small-cnn-keras.h5";

    private GuideCatalog() {
    }

    /**
     * Opens the bundled guide once (not cached) so that DeepLearning4J's import and the HDF5 natives are loaded before
     * anyone imports a file: their first use takes seconds, which the builder would otherwise spend on the JavaFX
     * thread (a second file then opens in a few hundred milliseconds). Called off that thread at start-up; a failure
     * is left to the real import to report.
     */
    public static void warmUp() {
        try (InputStream in = GuideCatalog.class.getClassLoader().getResourceAsStream(WARM_UP_MODEL)) {
            if (in == null) {
                return;
            }
            Path tmp = Files.createTempFile("guide-warm-up", ".h5");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                open(tmp, null);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // the first real import reports what is wrong
        }
    }

    /** The listing of {@code file} opened for data of {@code inputShape} (may be null; a DL4J zip may need it). */
    public static Entry describe(Path file, List<Integer> inputShape) {
        Key key;
        try {
            key = new Key(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file).toMillis(),
                    inputShape);
        } catch (IOException e) {
            return open(file, inputShape); // missing or unreadable: not cached, the user may be about to fix it
        }
        synchronized (CACHE) {
            Entry hit = CACHE.get(key);
            if (hit != null) {
                return hit;
            }
        }
        Entry e = open(file, inputShape);
        synchronized (CACHE) {
            CACHE.put(key, e);
        }
        return e;
    }

    private static Entry open(Path file, List<Integer> inputShape) {
        try {
            ImportedNetwork net = GuideFiles.open(file, inputShape);
            return new Entry(net.format(), net.inputShape(), net.layers(), null);
        } catch (GuideImportException e) {
            return new Entry(null, List.of(), List.of(), e.getMessage());
        }
    }
}
