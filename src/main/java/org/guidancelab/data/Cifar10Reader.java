package org.guidancelab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR-10 binary version: files of 3073-byte records, a label byte (0..9) then 3072 pixel bytes (the
 * 1024 red, then green, then blue values of a 32x32 image, row-major), i.e. exactly the [3, 32, 32] layout.
 * Training files {@code data_batch_1.bin .. data_batch_5.bin} (those present, at least one), test file
 * {@code test_batch.bin}; the folder may also be the parent of {@code cifar-10-batches-bin}. Pixels are scaled to
 * [0, 1] and standardised per channel with training statistics; validation is carved off the training batches.
 */
public final class Cifar10Reader {
    public static final int SIDE = 32;
    public static final int PIXELS = 3 * SIDE * SIDE;
    public static final int RECORD = 1 + PIXELS;
    public static final int CLASSES = 10;

    private Cifar10Reader() {
    }

    public static TaskData load(Path folder, int validation, int trainLimit, int testLimit, long seed)
            throws DataFormatException {
        Path dir = resolveFolder(folder);
        List<Path> trainFiles = new ArrayList<>();
        for (int b = 1; b <= 5; b++) {
            Path p = dir.resolve("data_batch_" + b + ".bin");
            if (Files.isRegularFile(p)) {
                trainFiles.add(p);
            }
        }
        if (trainFiles.isEmpty()) {
            throw new DataFormatException(dir + ": no training batches (looked for data_batch_1.bin .. data_batch_5.bin)");
        }
        Path testFile = dir.resolve("test_batch.bin");
        if (!Files.isRegularFile(testFile)) {
            throw new DataFormatException(dir + ": missing test_batch.bin");
        }
        List<Split> parts = new ArrayList<>();
        for (Path p : trainFiles) {
            parts.add(readBatch(p));
        }
        Split train = concat(parts);
        if (validation >= train.size()) {
            throw new DataFormatException(dir + ": validation size " + validation
                    + " leaves no training examples (the batches hold " + train.size() + ")");
        }
        Split test = Splits.head(readBatch(testFile), testLimit, PIXELS, 1);
        ValidationCarver.Carved carved = ValidationCarver.carve(train, validation, trainLimit, seed, PIXELS, 1);
        Standardizer.standardize(carved.train(), carved.validation(), test, 3, SIDE * SIDE);
        return new TaskData("CIFAR-10 from " + folder, new int[] {3, SIDE, SIDE}, false, 0, CLASSES, 1,
                carved.train(), carved.validation(), test);
    }

    private static Path resolveFolder(Path folder) throws DataFormatException {
        if (!Files.isDirectory(folder)) {
            throw new DataFormatException(folder + ": not a folder (expected the folder of data_batch_*.bin files)");
        }
        Path nested = folder.resolve("cifar-10-batches-bin");
        return Files.isDirectory(nested) && !Files.exists(folder.resolve("test_batch.bin")) ? nested : folder;
    }

    /** One batch file; pixels scaled to [0, 1], not yet standardised. */
    static Split readBatch(Path file) throws DataFormatException {
        byte[] b = FileBytes.read(file);
        if (b.length == 0) {
            throw DataFormatException.inFile(file, "byte 0", "empty file");
        }
        if (b.length % RECORD != 0) {
            int whole = b.length / RECORD;
            throw DataFormatException.inFile(file, "byte " + (long) whole * RECORD, "truncated: file length "
                    + b.length + " is not a multiple of the " + RECORD + "-byte record; record " + whole
                    + " has only " + (b.length - whole * RECORD) + " bytes");
        }
        int n = b.length / RECORD;
        float[] x = new float[n * PIXELS];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int at = i * RECORD;
            int label = b[at] & 0xff;
            if (label >= CLASSES) {
                throw DataFormatException.inFile(file, "byte " + at + " (record " + i + ")",
                        "label " + label + " is out of range 0.." + (CLASSES - 1));
            }
            y[i] = label;
            for (int k = 0; k < PIXELS; k++) {
                x[i * PIXELS + k] = (b[at + 1 + k] & 0xff) / 255f;
            }
        }
        return new Split(n, x, y);
    }

    private static Split concat(List<Split> parts) {
        int n = 0;
        for (Split s : parts) {
            n += s.size();
        }
        float[] x = new float[n * PIXELS];
        int[] y = new int[n];
        int at = 0;
        for (Split s : parts) {
            System.arraycopy(s.x(), 0, x, at * PIXELS, s.size() * PIXELS);
            System.arraycopy(s.y(), 0, y, at, s.size());
            at += s.size();
        }
        return new Split(n, x, y);
    }
}
