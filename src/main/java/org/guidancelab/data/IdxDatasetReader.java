package org.guidancelab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MNIST or Fashion-MNIST from IDX files (raw or .gz): an image file [n, rows, cols] and a label file [n]
 * per split. Pixels are scaled to [0, 1] (byte / 255) and then standardised with the training split's mean and
 * std (one channel); the validation split is carved off the training file (seeded), since the format has none.
 */
public final class IdxDatasetReader {
    public static final int CLASSES = 10;

    /** The four files; standard names are found by {@link #inFolder}. */
    public record IdxFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
    }

    private IdxDatasetReader() {
    }

    /**
     * Finds the standard files in a folder: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
     * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each also accepted with a {@code .gz}
     * suffix or with a dot before {@code idx} (as some mirrors name them).
     */
    public static IdxFiles inFolder(Path folder) throws DataFormatException {
        if (!Files.isDirectory(folder)) {
            throw new DataFormatException(folder + ": not a folder (expected a folder holding the IDX files)");
        }
        return new IdxFiles(find(folder, "train-images", "idx3-ubyte"), find(folder, "train-labels", "idx1-ubyte"),
                find(folder, "t10k-images", "idx3-ubyte"), find(folder, "t10k-labels", "idx1-ubyte"));
    }

    private static Path find(Path folder, String stem, String kind) throws DataFormatException {
        List<String> tried = new ArrayList<>();
        for (String sep : new String[] {"-", "."}) {
            for (String suffix : new String[] {"", ".gz"}) {
                String name = stem + sep + kind + suffix;
                tried.add(name);
                Path p = folder.resolve(name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new DataFormatException(folder + ": missing " + stem + " file; looked for " + String.join(", ", tried));
    }

    /** Loads and prepares the dataset; {@code trainLimit}/{@code testLimit} cap the sizes (lab-scale runs). */
    public static TaskData load(String title, IdxFiles files, int validation, int trainLimit, int testLimit, long seed)
            throws DataFormatException {
        Labelled train = readPair(files.trainImages(), files.trainLabels());
        Labelled test = readPair(files.testImages(), files.testLabels());
        if (train.rows != test.rows || train.cols != test.cols) {
            throw new DataFormatException(files.testImages() + ": images are " + test.rows + "x" + test.cols
                    + " but the training images in " + files.trainImages() + " are " + train.rows + "x" + train.cols);
        }
        int inputSize = train.rows * train.cols;
        if (validation >= train.split.size()) {
            throw new DataFormatException(files.trainImages() + ": validation size " + validation
                    + " leaves no training examples (the file holds " + train.split.size() + ")");
        }
        ValidationCarver.Carved carved = ValidationCarver.carve(train.split, validation, trainLimit, seed, inputSize, 1);
        Split testSplit = Splits.head(test.split, testLimit, inputSize, 1);
        Standardizer.standardize(carved.train(), carved.validation(), testSplit, 1, inputSize);
        return new TaskData(title, new int[] {1, train.rows, train.cols}, false, 0, CLASSES, 1,
                carved.train(), carved.validation(), testSplit);
    }

    record Labelled(Split split, int rows, int cols) {
    }

    static Labelled readPair(Path imagesFile, Path labelsFile) throws DataFormatException {
        IdxFile images = IdxFile.read(imagesFile, 3);
        IdxFile labels = IdxFile.read(labelsFile, 1);
        int n = images.dims()[0];
        if (labels.dims()[0] != n) {
            throw new DataFormatException("mismatched counts: " + imagesFile + " holds " + n + " images but "
                    + labelsFile + " holds " + labels.dims()[0] + " labels");
        }
        int rows = images.dims()[1];
        int cols = images.dims()[2];
        int per = rows * cols;
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int label = labels.unsigned(i);
            if (label >= CLASSES) {
                throw DataFormatException.inFile(labelsFile, "byte " + (labels.dataOffset() + i) + " (label " + i + ")",
                        "label " + label + " is out of range 0.." + (CLASSES - 1));
            }
            y[i] = label;
        }
        float[] x = new float[n * per];
        for (int k = 0; k < x.length; k++) {
            x[k] = images.unsigned(k) / 255f;
        }
        return new Labelled(new Split(n, x, y), rows, cols);
    }
}
