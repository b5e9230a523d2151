package org.guidancelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.guidancelab.arch.JsonSpecException;
import org.guidancelab.arch.LocatedJson;
import org.guidancelab.arch.NetworkJson;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.platform.AppDirs;

/**
 * The preset gallery: experiment presets ({@code presets/*.json}) and the architecture library
 * ({@code presets/architectures/*.json}), each with its title and description. It reads a {@code presets}
 * folder on disk when there is one (editable presets while developing) and otherwise the copy packaged in the
 * jar, so the app and the CLI work from anywhere.
 */
public final class PresetCatalog {
    public static final String ROOT = "presets";
    public static final String ARCHITECTURES = "architectures";
    /** Model files of imported guides that presets name ({@code presets/guides/*.h5}). */
    public static final String GUIDES = "guides";

    /** Sweep files ({@code presets/sweeps/*.json}): grids of runs over a preset's settings. */
    public static final String SWEEPS = "sweeps";
    /** The app's default experiment. */
    public static final String DEFAULT_PRESET = "teaching-demo.json";

    private final List<PresetEntry> presets;
    private final List<PresetEntry> architectures;
    private final List<PresetEntry> sweeps;

    private PresetCatalog(List<PresetEntry> presets, List<PresetEntry> architectures, List<PresetEntry> sweeps) {
        this.presets = List.copyOf(presets);
        this.architectures = List.copyOf(architectures);
        this.sweeps = List.copyOf(sweeps);
    }

    /**
     * The {@code presets} folder of the working directory if present, else the packaged presets. An installed app
     * reads only its packaged presets: the working directory of a desktop launcher is nothing the user chose.
     */
    public static PresetCatalog load() throws IOException {
        Path local = Path.of(ROOT);
        if (!AppDirs.current().installed() && Files.isRegularFile(local.resolve(DEFAULT_PRESET))) {
            return fromFolder(local);
        }
        return fromClasspath();
    }

    public static PresetCatalog fromFolder(Path root) throws IOException {
        return new PresetCatalog(list(root, null), list(root.resolve(ARCHITECTURES), ARCHITECTURES),
                list(root.resolve(SWEEPS), SWEEPS));
    }

    /** The presets packaged as classpath resources under {@code presets/} (a folder in development, a jar entry otherwise). */
    public static PresetCatalog fromClasspath() throws IOException {
        return fromClasspath(PresetCatalog.class.getClassLoader());
    }

    /** The presets under {@code presets/} of {@code loader}'s classpath. */
    public static PresetCatalog fromClasspath(ClassLoader loader) throws IOException {
        URL url = loader.getResource(ROOT + "/" + DEFAULT_PRESET);
        if (url == null) {
            throw new IOException("no presets on the classpath (" + ROOT + "/" + DEFAULT_PRESET + " is missing)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return fromJar(uri);
            }
            return fromFolder(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the packaged presets: " + url, e);
        }
    }

    private static PresetCatalog fromJar(URI uri) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
            return fromJarFolder(fs.getPath("/" + ROOT));
        } catch (FileSystemAlreadyExistsException e) {
            // someone else has the jar open as a file system: read through theirs and leave it open
            return fromJarFolder(FileSystems.getFileSystem(uri).getPath("/" + ROOT));
        }
    }

    /**
     * The presets of a jar, with the model files of imported guides ({@code presets/guides/}) copied out to a
     * temporary folder that the presets' relative paths then resolve against: the jar's file system is closed
     * once read, and the HDF5 library reads only real files.
     */
    private static PresetCatalog fromJarFolder(Path root) throws IOException {
        PresetCatalog c = fromFolder(root);
        Path guides = root.resolve(GUIDES);
        if (!Files.isDirectory(guides)) {
            return c;
        }
        Path out = Files.createTempDirectory("guidance-lab-presets");
        out.toFile().deleteOnExit(); // deleted last: deleteOnExit runs in reverse order of registration
        Files.createDirectories(out.resolve(GUIDES));
        out.resolve(GUIDES).toFile().deleteOnExit();
        try (Stream<Path> s = Files.list(guides)) {
            for (Path g : s.toList()) {
                Path copy = out.resolve(GUIDES).resolve(g.getFileName().toString());
                Files.copy(g, copy);
                copy.toFile().deleteOnExit();
            }
        }
        return new PresetCatalog(c.presets.stream().map(e -> new PresetEntry(e.title(), e.description(), e.file(), e.json(), out)).toList(),
                c.architectures, c.sweeps);
    }

    /** The files of a folder; {@code sub} is the folder's name below presets/ (null for presets/ itself). */
    private static List<PresetEntry> list(Path folder, String sub) throws IOException {
        List<PresetEntry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            String file = sub != null ? sub + "/" + name : name;
            String json = Files.readString(p, StandardCharsets.UTF_8);
            // a folder on the default file system only: a jar's is closed once read
            Path dir = p.getFileSystem() == java.nio.file.FileSystems.getDefault() ? p.toAbsolutePath().getParent() : null;
            out.add(new PresetEntry(text(json, "title", name), text(json, "description", ""), file, json, dir));
        }
        // the default preset first: the gallery opens on it
        out.sort(Comparator.comparing((PresetEntry e) -> !e.file().equals(DEFAULT_PRESET)));
        return out;
    }

    /** A top-level text field of a file, or {@code dflt} when the file is unreadable (the load reports it). */
    private static String text(String json, String field, String dflt) {
        try {
            JsonNode v = LocatedJson.parse(json, "").root().get(field);
            return v != null && v.isTextual() ? v.asText() : dflt;
        } catch (JsonSpecException e) {
            return dflt;
        }
    }

    public List<PresetEntry> presets() {
        return presets;
    }

    public List<PresetEntry> architectures() {
        return architectures;
    }

    /** The shipped sweep files ({@code sweeps/teaching-demo-warmup.json}, ...), by file name. */
    public List<PresetEntry> sweeps() {
        return sweeps;
    }

    /** The entry for {@code file} ("deep-fcn.json", "architectures/rnn.json" or "sweeps/x.json"), or null. */
    public PresetEntry find(String file) {
        return Stream.concat(Stream.concat(presets.stream(), architectures.stream()), sweeps.stream())
                .filter(e -> e.file().equals(file)).findFirst().orElse(null);
    }

    /** The app's default experiment, {@code teaching-demo.json}. */
    public ExperimentSpec defaultExperiment() throws SpecFormatException {
        PresetEntry e = find(DEFAULT_PRESET);
        if (e == null) {
            throw new UncheckedIOException(new IOException("the default preset " + DEFAULT_PRESET + " is missing"));
        }
        return experiment(e);
    }

    public static ExperimentSpec experiment(PresetEntry e) throws SpecFormatException {
        return ExperimentJson.parseLocated(e.json(), e.label(), e.folder()).spec();
    }

    public static NetworkSpec network(PresetEntry e) throws JsonSpecException {
        return NetworkJson.parse(e.json(), e.label());
    }
}
