package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawImagesAndLabelsExactly() throws Exception {
        Path images = TestFiles.write(dir, "img", TestFiles.idxImages(5, 4, 3));
        Path labels = TestFiles.write(dir, "lab", TestFiles.idxLabels(3, 1, 4, 1, 5));
        Split s = IdxDatasetReader.readPair(images, labels).split();
        assertEquals(5, s.size());
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, s.y());
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 12; k++) {
                assertEquals(TestFiles.pixel(i, k) / 255f, s.x()[i * 12 + k], 0f);
            }
        }
    }

    @Test
    void gzippedFilesReadTheSameAsRaw() throws Exception {
        Path raw = Files.createDirectory(dir.resolve("raw"));
        Path gz = Files.createDirectory(dir.resolve("gz"));
        TestFiles.mnistFolder(raw, false);
        TestFiles.mnistFolder(gz, true);
        TaskData a = DatasetFactory.create("mnist-idx", Map.of("path", raw.toString(), "validation", 2));
        TaskData b = DatasetFactory.create("mnist-idx", Map.of("path", gz.toString(), "validation", 2));
        assertArrayEquals(a.train().x(), b.train().x());
        assertArrayEquals(a.train().y(), b.train().y());
        assertArrayEquals(a.test().x(), b.test().x());
    }

    @Test
    void folderLoadCarvesValidationAndStandardises() throws Exception {
        TestFiles.mnistFolder(dir, false);
        TaskData d = DatasetFactory.create("fashion-idx", Map.of("path", dir.toString(), "validation", 3, "seed", 1));
        assertArrayEquals(new int[] {1, 4, 3}, d.inputShape());
        assertEquals(10, d.classes());
        assertEquals(9, d.train().size());
        assertEquals(3, d.validation().size());
        assertEquals(4, d.test().size());
        // Train + validation hold each of the 12 training labels exactly once (a partition of the file).
        int[] all = new int[12];
        System.arraycopy(d.train().y(), 0, all, 0, 9);
        System.arraycopy(d.validation().y(), 0, all, 9, 3);
        Arrays.sort(all);
        int[] expected = TestFiles.labels(12);
        Arrays.sort(expected);
        assertArrayEquals(expected, all);
        double sum = 0;
        double sumSq = 0;
        for (float v : d.train().x()) {
            sum += v;
            sumSq += v * v;
        }
        assertEquals(0.0, sum / d.train().x().length, 1e-5);
        assertEquals(1.0, sumSq / d.train().x().length, 1e-4);
        assertTrue(d.name().startsWith("Fashion-MNIST"));
    }

    @Test
    void explicitFilesAndCapsWork() throws Exception {
        TestFiles.mnistFolder(dir, false);
        TaskData d = DatasetFactory.create("mnist-idx", Map.of(
                "trainImages", dir.resolve("train-images-idx3-ubyte").toString(),
                "trainLabels", dir.resolve("train-labels-idx1-ubyte").toString(),
                "testImages", dir.resolve("t10k-images-idx3-ubyte").toString(),
                "testLabels", dir.resolve("t10k-labels-idx1-ubyte").toString(),
                "validation", 2, "train", 5, "test", 3));
        assertEquals(5, d.train().size());
        assertEquals(2, d.validation().size());
        assertEquals(3, d.test().size());
        // Different examples in train and validation.
        Set<Integer> firstPixels = new HashSet<>();
        for (Split s : new Split[] {d.train(), d.validation()}) {
            for (int i = 0; i < s.size(); i++) {
                firstPixels.add(Float.floatToIntBits(s.x()[i * 12]));
            }
        }
        assertEquals(7, firstPixels.size());
    }

    private String failure(String name, byte[] bytes, int dims) throws IOException {
        Path p = TestFiles.write(dir, name, bytes);
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(p, dims));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void rejectsWrongMagicNumber() throws Exception {
        byte[] b = TestFiles.idxLabels(1, 2);
        String m = failure("labels-as-images", b, 3);
        assertTrue(m.contains("wrong magic number 0x00000801, expected 0x00000803"), m);
        assertTrue(m.contains("byte 0"), m);
        b[0] = 0x50;
        assertTrue(failure("not-idx", b, 1).contains("not an IDX file"));
    }

    @Test
    void rejectsTruncatedFiles() throws Exception {
        byte[] full = TestFiles.idxImages(3, 4, 3);
        String m = failure("short", Arrays.copyOf(full, full.length - 5), 3);
        assertTrue(m.contains("truncated") && m.contains("promises 36 data bytes") && m.contains("only 31"), m);
        assertTrue(failure("header", Arrays.copyOf(full, 9), 3).contains("truncated inside the 16-byte header"));
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        assertTrue(failure("empty", new byte[0], 1).contains("empty file"));
    }

    @Test
    void rejectsTruncatedGzip() throws Exception {
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(20, 4, 3));
        String m = failure("cut.gz", Arrays.copyOf(gz, gz.length / 2), 3);
        assertTrue(m.contains("gzip") && m.contains("truncated"), m);
    }

    @Test
    void rejectsLabelOutOfRangeWithItsOffset() throws Exception {
        Path images = TestFiles.write(dir, "img", TestFiles.idxImages(3, 4, 3));
        Path labels = TestFiles.write(dir, "lab", TestFiles.idxLabels(1, 12, 3));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxDatasetReader.readPair(images, labels));
        assertTrue(e.getMessage().contains(labels + ": byte 9 (label 1): label 12 is out of range 0..9"), e.getMessage());
    }

    @Test
    void rejectsMismatchedImageAndLabelCounts() throws Exception {
        Path images = TestFiles.write(dir, "img", TestFiles.idxImages(3, 4, 3));
        Path labels = TestFiles.write(dir, "lab", TestFiles.idxLabels(1, 2));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> IdxDatasetReader.readPair(images, labels));
        assertTrue(e.getMessage().contains("holds 3 images") && e.getMessage().contains("holds 2 labels"), e.getMessage());
    }

    @Test
    void missingFileInFolderIsNamed() throws Exception {
        TestFiles.mnistFolder(dir, false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DatasetFactory.create("mnist-idx", Map.of("path", dir.toString())));
        assertTrue(e.getMessage().contains("missing t10k-labels file"), e.getMessage());
    }

    @Test
    void validationLargerThanTheFileIsRejected() throws Exception {
        TestFiles.mnistFolder(dir, false);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DatasetFactory.create("mnist-idx", Map.of("path", dir.toString())));
        assertTrue(e.getMessage().contains("validation size 5000 leaves no training examples"), e.getMessage());
    }
}
