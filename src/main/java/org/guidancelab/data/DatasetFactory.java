package org.guidancelab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link TaskData} from a dataset name and a parameter map (the name and params of an experiment's
 * dataset spec, as plain JSON values). Unknown names and unknown or invalid parameters throw a
 * {@link DataFormatException} naming the dataset, the parameter and what is expected (and the known names).
 *
 * <p>Generators ({@code seed} default 0 everywhere; sizes are example counts per split):
 * <ul>
 *   <li>{@code shapes}: 1x28x28 stroke-drawn shapes, 10 classes ({@link ShapesGenerator}); train 1000,
 *       validation 1000, test 1000, seed, colour false (true gives 3x32x32), noise 0.15 (pixel noise std),
 *       maxRotation 25 (degrees), minScale 0.16, maxScale 0.30 (shape radius as a fraction of the side).</li>
 *   <li>{@code shapes-colour}: the same with colour = true (3x32x32).</li>
 *   <li>{@code copy}: copy-paste ({@link CopyTask}): train 2000, validation 500, test 500, seed, minLength 2,
 *       maxLength 10, length (total T) 2 * maxLength + 1.</li>
 *   <li>{@code parity}: ({@link ParityTask}) train 2000, validation 500, test 500, seed, minLength 2,
 *       maxLength 16, length (total T) maxLength, pad "right" (PAD after the bits) or "left" (PAD before
 *       the bits, so the last position holds the last bit).</li>
 *   <li>{@code spirals}: ({@link PlaneSets}) train 500, validation 500, test 500, seed, noise 0.03, turns 1.5.</li>
 *   <li>{@code blobs}: train 500, validation 500, test 500, seed, classes 3, spread 0.5.</li>
 *   <li>{@code xor}: train 500, validation 500, test 500, seed, noise 0.</li>
 * </ul>
 * <p>Readers (a leading {@code ~/} in a path means the home folder; relative paths are relative to the working
 * folder):
 * <ul>
 *   <li>{@code mnist-idx}, {@code fashion-idx}: ({@link IdxDatasetReader}) path (folder of the four standard IDX
 *       files, raw or .gz) or the explicit files trainImages, trainLabels, testImages, testLabels (each overrides
 *       the folder's); validation 5000 (carved off the training file), train (cap, default all the rest),
 *       test (cap, default all), seed.</li>
 *   <li>{@code cifar10}: ({@link Cifar10Reader}) path (folder of data_batch_*.bin and test_batch.bin),
 *       validation 5000, train (cap), test (cap), seed.</li>
 *   <li>{@code csv}: ({@link CsvDataset}) path (the file), label (column name, or 0-based index, negative from
 *       the end; default -1, the last column), header true, delimiter ",", validationFraction 0.2,
 *       testFraction 0, seed, features and classes (optional; when given they must match the file, since the
 *       experiment validator checks networks against them without reading it).</li>
 * </ul>
 * Image data is scaled to [0, 1] and standardised per channel with training statistics; CSV features are
 * standardised per column; 2-D sets keep their raw coordinates; token tasks hold token ids.
 */
public final class DatasetFactory {
    /** A dataset's documented parameters and how to build it. */
    private record Entry(String description, List<DatasetParameter> parameters, Loader loader) {
    }

    @FunctionalInterface
    private interface Loader {
        TaskData load(DatasetParams p) throws DataFormatException;
    }

    private static final int MAX_GENERATED = 500_000;
    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ShapesGenerator.Settings sh = ShapesGenerator.Settings.defaults();
        List<DatasetParameter> shapes = sizes(sh.train(), sh.validation(), sh.test());
        shapes.add(new DatasetParameter("colour", false, "3x32x32 colour images instead of 1x28x28 grayscale"));
        shapes.add(new DatasetParameter("noise", sh.noise(), "std of the Gaussian pixel noise (pixels in [0,1])"));
        shapes.add(new DatasetParameter("maxRotation", sh.maxRotationDegrees(), "largest rotation in degrees"));
        shapes.add(new DatasetParameter("minScale", sh.minScale(), "smallest shape radius, fraction of the side"));
        shapes.add(new DatasetParameter("maxScale", sh.maxScale(), "largest shape radius, fraction of the side (<= 0.45)"));
        ENTRIES.put("shapes", new Entry("procedurally drawn shapes, 10 classes, random position/scale/rotation",
                shapes, p -> shapes(p, p.boolParam("colour", false))));
        List<DatasetParameter> shapesColour = new ArrayList<>(shapes);
        shapesColour.removeIf(d -> d.name().equals("colour"));
        ENTRIES.put("shapes-colour", new Entry("the shapes task in colour, 3x32x32", shapesColour, p -> shapes(p, true)));

        CopyTask.Settings cp = CopyTask.Settings.defaults();
        List<DatasetParameter> copy = sizes(cp.train(), cp.validation(), cp.test());
        copy.add(new DatasetParameter("minLength", cp.minLength(), "shortest digit sequence"));
        copy.add(new DatasetParameter("maxLength", cp.maxLength(), "longest digit sequence"));
        copy.add(new DatasetParameter("length", null, "total padded length T; default 2 * maxLength + 1"));
        ENTRIES.put("copy", new Entry("copy-paste: digits, COPY, then the digits again (tokens 0-9, 10 COPY, 11 PAD)",
                copy, DatasetFactory::copy));

        ParityTask.Settings pa = ParityTask.Settings.defaults();
        List<DatasetParameter> parity = sizes(pa.train(), pa.validation(), pa.test());
        parity.add(new DatasetParameter("minLength", pa.minLength(), "shortest bit string"));
        parity.add(new DatasetParameter("maxLength", pa.maxLength(), "longest bit string"));
        parity.add(new DatasetParameter("length", null, "total padded length T; default maxLength"));
        parity.add(new DatasetParameter("pad", "right", "right: PAD after the bits; left: PAD first, bits last"));
        ENTRIES.put("parity", new Entry("parity of variable-length bit strings (tokens 0, 1, 2 PAD)",
                parity, DatasetFactory::parity));

        PlaneSets.Settings sp = PlaneSets.Settings.defaults(PlaneSets.Kind.SPIRALS);
        List<DatasetParameter> spirals = sizes(sp.train(), sp.validation(), sp.test());
        spirals.add(new DatasetParameter("noise", sp.noise(), "std of the Gaussian noise on the coordinates"));
        spirals.add(new DatasetParameter("turns", sp.turns(), "turns of each spiral arm"));
        ENTRIES.put("spirals", new Entry("two interleaved spirals in 2-D", spirals, DatasetFactory::spirals));

        PlaneSets.Settings bl = PlaneSets.Settings.defaults(PlaneSets.Kind.BLOBS);
        List<DatasetParameter> blobs = sizes(bl.train(), bl.validation(), bl.test());
        blobs.add(new DatasetParameter("classes", bl.classes(), "number of blobs (classes), 2..100"));
        blobs.add(new DatasetParameter("spread", bl.spread(), "std of each blob; centres lie on a circle of radius 2"));
        ENTRIES.put("blobs", new Entry("Gaussian blobs in 2-D", blobs, DatasetFactory::blobs));

        PlaneSets.Settings xo = PlaneSets.Settings.defaults(PlaneSets.Kind.XOR);
        List<DatasetParameter> xor = sizes(xo.train(), xo.validation(), xo.test());
        xor.add(new DatasetParameter("noise", xo.noise(), "std of the Gaussian noise on the coordinates"));
        ENTRIES.put("xor", new Entry("XOR of the signs of two coordinates", xor, DatasetFactory::xor));

        ENTRIES.put("mnist-idx", new Entry("MNIST from IDX files", idxParams(), p -> idx(p, "MNIST")));
        ENTRIES.put("fashion-idx", new Entry("Fashion-MNIST from IDX files", idxParams(), p -> idx(p, "Fashion-MNIST")));

        List<DatasetParameter> cifar = new ArrayList<>();
        cifar.add(new DatasetParameter("path", null, "folder of data_batch_*.bin and test_batch.bin (required)"));
        cifar.addAll(readerSizes());
        ENTRIES.put("cifar10", new Entry("CIFAR-10 binary batches", cifar, DatasetFactory::cifar));

        List<DatasetParameter> csv = new ArrayList<>();
        csv.add(new DatasetParameter("path", null, "the CSV file (required)"));
        csv.add(new DatasetParameter("label", -1, "label column: header name, or 0-based index (negative from the end)"));
        csv.add(new DatasetParameter("header", true, "the first row holds column names"));
        csv.add(new DatasetParameter("delimiter", ",", "cell separator, one character (\\t for tab)"));
        csv.add(new DatasetParameter("validationFraction", 0.2, "fraction of rows held out for validation"));
        csv.add(new DatasetParameter("testFraction", 0.0, "fraction of rows held out for test"));
        csv.add(new DatasetParameter("seed", 0L, "seed of the row shuffle before splitting"));
        csv.add(new DatasetParameter("features", null, "expected number of feature columns; checked against the file"));
        csv.add(new DatasetParameter("classes", null, "expected number of distinct labels; checked against the file"));
        ENTRIES.put("csv", new Entry("numeric features and a label column from a CSV file", csv, DatasetFactory::csv));
    }

    private DatasetFactory() {
    }

    /** The known dataset names, in documentation order. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** One-line description of a dataset. */
    public static String description(String name) throws DataFormatException {
        return entry(name).description();
    }

    /** The parameters a dataset accepts, with their defaults. */
    public static List<DatasetParameter> parameters(String name) throws DataFormatException {
        return List.copyOf(entry(name).parameters());
    }

    /** A parameter of a dataset spec that {@link #create} would refuse, found without building the data. */
    public record ParamProblem(String param, String message) {
    }

    /**
     * The parameters {@link #create} would refuse that can be told without generating or reading data: unknown keys,
     * and example counts and seeds that are not whole numbers in range. Cheap enough for every edit in the builder.
     */
    public static List<ParamProblem> check(String name, Map<String, Object> params) throws DataFormatException {
        Entry e = entry(name);
        DatasetParams p = new DatasetParams(name, params);
        List<String> known = new ArrayList<>();
        for (DatasetParameter d : e.parameters()) {
            known.add(d.name());
        }
        List<ParamProblem> out = new ArrayList<>();
        for (String key : params == null ? List.<String>of() : params.keySet()) {
            if (!known.contains(key)) {
                out.add(new ParamProblem(key, "dataset '" + name + "': unknown parameter '" + key + "'; known parameters: "
                        + String.join(", ", known)));
                continue;
            }
            try {
                switch (key) {
                    case "train", "validation", "test" -> p.intParam(key, 0, 0, MAX_GENERATED);
                    case "seed" -> p.longParam(key, 0L);
                    default -> {
                        // checked by the generator or reader as it builds the data
                    }
                }
            } catch (DataFormatException ex) {
                out.add(new ParamProblem(key, ex.getMessage()));
            }
        }
        return out;
    }

    public static TaskData create(String name, Map<String, Object> params) throws DataFormatException {
        Entry e = entry(name);
        DatasetParams p = new DatasetParams(name, params);
        List<String> known = new ArrayList<>();
        for (DatasetParameter d : e.parameters()) {
            known.add(d.name());
        }
        p.requireOnly(known);
        try {
            return e.loader().load(p);
        } catch (IllegalArgumentException ex) {
            // Cross-parameter constraints checked by the generators' settings records.
            throw new DataFormatException("dataset '" + name + "': " + ex.getMessage(), ex);
        }
    }

    private static Entry entry(String name) throws DataFormatException {
        Entry e = name == null ? null : ENTRIES.get(name);
        if (e == null) {
            throw new DataFormatException("unknown dataset '" + name + "'; known datasets: "
                    + String.join(", ", ENTRIES.keySet()));
        }
        return e;
    }

    private static List<DatasetParameter> sizes(int train, int validation, int test) {
        List<DatasetParameter> l = new ArrayList<>();
        l.add(new DatasetParameter("train", train, "training examples"));
        l.add(new DatasetParameter("validation", validation, "validation examples"));
        l.add(new DatasetParameter("test", test, "test examples"));
        l.add(new DatasetParameter("seed", 0L, "generator seed; the same seed gives the same data on any machine"));
        return l;
    }

    private static List<DatasetParameter> readerSizes() {
        List<DatasetParameter> l = new ArrayList<>();
        l.add(new DatasetParameter("validation", 5000, "examples carved off the training file for validation"));
        l.add(new DatasetParameter("train", null, "cap on training examples; default all that remain"));
        l.add(new DatasetParameter("test", null, "cap on test examples; default all"));
        l.add(new DatasetParameter("seed", 0L, "seed of the validation carve-out"));
        return l;
    }

    private static List<DatasetParameter> idxParams() {
        List<DatasetParameter> l = new ArrayList<>();
        l.add(new DatasetParameter("path", null, "folder of the standard IDX files (or give the four files)"));
        l.add(new DatasetParameter("trainImages", null, "train-images-idx3-ubyte[.gz] file"));
        l.add(new DatasetParameter("trainLabels", null, "train-labels-idx1-ubyte[.gz] file"));
        l.add(new DatasetParameter("testImages", null, "t10k-images-idx3-ubyte[.gz] file"));
        l.add(new DatasetParameter("testLabels", null, "t10k-labels-idx1-ubyte[.gz] file"));
        l.addAll(readerSizes());
        return l;
    }

    private static int size(DatasetParams p, String key, int dflt) throws DataFormatException {
        return p.intParam(key, dflt, 0, MAX_GENERATED);
    }

    private static TaskData shapes(DatasetParams p, boolean colour) throws DataFormatException {
        ShapesGenerator.Settings d = ShapesGenerator.Settings.defaults();
        return ShapesGenerator.generate(new ShapesGenerator.Settings(size(p, "train", d.train()),
                size(p, "validation", d.validation()), size(p, "test", d.test()), p.longParam("seed", 0L), colour,
                p.doubleParam("noise", d.noise(), 0, 10), p.doubleParam("maxRotation", d.maxRotationDegrees(), 0, 180),
                p.doubleParam("minScale", d.minScale(), 0.01, 0.45), p.doubleParam("maxScale", d.maxScale(), 0.01, 0.45)));
    }

    private static TaskData copy(DatasetParams p) throws DataFormatException {
        CopyTask.Settings d = CopyTask.Settings.defaults();
        int min = p.intParam("minLength", d.minLength(), 1, 1000);
        int max = p.intParam("maxLength", Math.max(d.maxLength(), min), 1, 1000);
        int t = p.intParam("length", 2 * max + 1, 3, 4001);
        return CopyTask.generate(new CopyTask.Settings(size(p, "train", d.train()), size(p, "validation",
                d.validation()), size(p, "test", d.test()), p.longParam("seed", 0L), min, max, t));
    }

    private static TaskData parity(DatasetParams p) throws DataFormatException {
        ParityTask.Settings d = ParityTask.Settings.defaults();
        int min = p.intParam("minLength", d.minLength(), 1, 10000);
        int max = p.intParam("maxLength", Math.max(d.maxLength(), min), 1, 10000);
        int t = p.intParam("length", max, 1, 10000);
        String pad = p.stringParam("pad", "right");
        ParityTask.Pad side;
        if (pad.equals("right")) {
            side = ParityTask.Pad.RIGHT;
        } else if (pad.equals("left")) {
            side = ParityTask.Pad.LEFT;
        } else {
            throw p.bad("pad", pad, "\"right\" or \"left\"");
        }
        return ParityTask.generate(new ParityTask.Settings(size(p, "train", d.train()), size(p, "validation",
                d.validation()), size(p, "test", d.test()), p.longParam("seed", 0L), min, max, t, side));
    }

    private static TaskData plane(DatasetParams p, PlaneSets.Kind kind, int classes, double noise, double turns,
                                  double spread) throws DataFormatException {
        PlaneSets.Settings d = PlaneSets.Settings.defaults(kind);
        return PlaneSets.generate(new PlaneSets.Settings(kind, size(p, "train", d.train()),
                size(p, "validation", d.validation()), size(p, "test", d.test()), p.longParam("seed", 0L),
                classes, noise, turns, spread));
    }

    private static TaskData spirals(DatasetParams p) throws DataFormatException {
        PlaneSets.Settings d = PlaneSets.Settings.defaults(PlaneSets.Kind.SPIRALS);
        return plane(p, PlaneSets.Kind.SPIRALS, 2, p.doubleParam("noise", d.noise(), 0, 10),
                p.doubleParam("turns", d.turns(), 0.1, 20), 0);
    }

    private static TaskData blobs(DatasetParams p) throws DataFormatException {
        PlaneSets.Settings d = PlaneSets.Settings.defaults(PlaneSets.Kind.BLOBS);
        return plane(p, PlaneSets.Kind.BLOBS, p.intParam("classes", d.classes(), 2, 100), 0, 0,
                p.doubleParam("spread", d.spread(), 0, 10));
    }

    private static TaskData xor(DatasetParams p) throws DataFormatException {
        PlaneSets.Settings d = PlaneSets.Settings.defaults(PlaneSets.Kind.XOR);
        return plane(p, PlaneSets.Kind.XOR, 2, p.doubleParam("noise", d.noise(), 0, 10), 0, 0);
    }

    private static TaskData idx(DatasetParams p, String title) throws DataFormatException {
        IdxDatasetReader.IdxFiles inFolder = null;
        boolean allExplicit = p.has("trainImages") && p.has("trainLabels") && p.has("testImages") && p.has("testLabels");
        if (!allExplicit) {
            if (!p.has("path")) {
                throw new DataFormatException("dataset '" + p.dataset() + "': give 'path' (the folder of the IDX files)"
                        + " or all four of trainImages, trainLabels, testImages, testLabels");
            }
            inFolder = IdxDatasetReader.inFolder(path(p.requiredString("path")));
        }
        IdxDatasetReader.IdxFiles files = new IdxDatasetReader.IdxFiles(
                file(p, "trainImages", inFolder == null ? null : inFolder.trainImages()),
                file(p, "trainLabels", inFolder == null ? null : inFolder.trainLabels()),
                file(p, "testImages", inFolder == null ? null : inFolder.testImages()),
                file(p, "testLabels", inFolder == null ? null : inFolder.testLabels()));
        String from = p.has("path") ? p.stringParam("path", "") : files.trainImages().toString();
        return IdxDatasetReader.load(title + " from " + from, files, p.intParam("validation", 5000, 0, Integer.MAX_VALUE),
                p.intParam("train", Integer.MAX_VALUE, 1, Integer.MAX_VALUE),
                p.intParam("test", Integer.MAX_VALUE, 0, Integer.MAX_VALUE), p.longParam("seed", 0L));
    }

    private static Path file(DatasetParams p, String key, Path dflt) {
        return p.has(key) ? path(p.stringParam(key, "")) : dflt;
    }

    private static TaskData cifar(DatasetParams p) throws DataFormatException {
        return Cifar10Reader.load(path(p.requiredString("path")), p.intParam("validation", 5000, 0, Integer.MAX_VALUE),
                p.intParam("train", Integer.MAX_VALUE, 1, Integer.MAX_VALUE),
                p.intParam("test", Integer.MAX_VALUE, 0, Integer.MAX_VALUE), p.longParam("seed", 0L));
    }

    private static TaskData csv(DatasetParams p) throws DataFormatException {
        Path file = path(p.requiredString("path"));
        CsvReader.LabelColumn label = CsvReader.LabelColumn.byIndex(-1);
        if (p.has("label")) {
            String s = p.stringParam("label", "").trim();
            label = s.matches("-?\\d+(\\.0+)?") ? CsvReader.LabelColumn.byIndex(p.intParam("label", -1,
                    Integer.MIN_VALUE, Integer.MAX_VALUE)) : CsvReader.LabelColumn.byName(s);
        }
        String delim = p.stringParam("delimiter", ",");
        if (delim.equals("\\t") || delim.equalsIgnoreCase("tab")) {
            delim = "\t";
        }
        if (delim.length() != 1) {
            throw p.bad("delimiter", delim, "a single character");
        }
        int features = p.intParam("features", -1, 1, Integer.MAX_VALUE);
        int classes = p.intParam("classes", -1, 1, Integer.MAX_VALUE);
        TaskData d = CsvDataset.load(file, label, p.boolParam("header", true), delim.charAt(0),
                p.doubleParam("validationFraction", 0.2, 0, 0.95), p.doubleParam("testFraction", 0.0, 0, 0.95),
                p.longParam("seed", 0L));
        // The experiment validator checks networks against these declared values without reading the file,
        // so a file that disagrees with them must not be trained on.
        if (features > 0 && d.inputSize() != features) {
            throw DataFormatException.inFile(file, "columns", "holds " + d.inputSize()
                    + " feature columns but the dataset parameter 'features' says " + features);
        }
        if (classes > 0 && d.classes() != classes) {
            throw DataFormatException.inFile(file, "labels", "holds " + d.classes()
                    + " distinct labels but the dataset parameter 'classes' says " + classes);
        }
        return d;
    }

    private static Path path(String s) {
        if (s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), s.substring(2));
        }
        return Path.of(s);
    }
}
