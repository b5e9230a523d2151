package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRecordsInChannelMajorLayout() throws Exception {
        Path p = TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifar(3, 9, 0));
        Split s = Cifar10Reader.readBatch(p);
        assertEquals(3, s.size());
        assertArrayEquals(new int[] {3, 9, 0}, s.y());
        // Record 1, green channel (offset 1024), pixel 5: byte (1 + 1029) mod 256.
        assertEquals(((1 + 1029) % 256) / 255f, s.x()[1 * 3072 + 1024 + 5], 0f);
    }

    @Test
    void loadsAFolderOfBatchesWithValidationCarvedOff() throws Exception {
        TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifar(0, 1, 2, 3));
        TestFiles.write(dir, "data_batch_2.bin", TestFiles.cifar(4, 5, 6, 7));
        TestFiles.write(dir, "test_batch.bin", TestFiles.cifar(8, 9));
        TaskData d = DatasetFactory.create("cifar10", Map.of("path", dir.toString(), "validation", 3));
        assertArrayEquals(new int[] {3, 32, 32}, d.inputShape());
        assertEquals(5, d.train().size());
        assertEquals(3, d.validation().size());
        assertArrayEquals(new int[] {8, 9}, d.test().y());
        int[] all = new int[8];
        System.arraycopy(d.train().y(), 0, all, 0, 5);
        System.arraycopy(d.validation().y(), 0, all, 5, 3);
        Arrays.sort(all);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, all);
        // Per-channel standardisation on train.
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            for (int e = 0; e < 5; e++) {
                for (int k = 0; k < 1024; k++) {
                    sum += d.train().x()[e * 3072 + c * 1024 + k];
                }
            }
            assertEquals(0.0, sum / (5 * 1024), 1e-4);
        }
    }

    @Test
    void findsTheNestedBatchesFolder() throws Exception {
        Path nested = Files.createDirectory(dir.resolve("cifar-10-batches-bin"));
        TestFiles.write(nested, "data_batch_1.bin", TestFiles.cifar(0, 1, 2));
        TestFiles.write(nested, "test_batch.bin", TestFiles.cifar(1));
        TaskData d = DatasetFactory.create("cifar10", Map.of("path", dir.toString(), "validation", 1));
        assertEquals(2, d.train().size());
    }

    @Test
    void rejectsTruncatedRecord() throws Exception {
        byte[] b = TestFiles.cifar(1, 2);
        Path p = TestFiles.write(dir, "data_batch_1.bin", Arrays.copyOf(b, b.length - 100));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cifar10Reader.readBatch(p));
        assertTrue(e.getMessage().startsWith(p + ": byte 3073: truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("record 1 has only 2973 bytes"), e.getMessage());
    }

    @Test
    void rejectsLabelOutOfRange() throws Exception {
        Path p = TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifar(1, 10));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cifar10Reader.readBatch(p));
        assertTrue(e.getMessage().contains("byte 3073 (record 1): label 10 is out of range 0..9"), e.getMessage());
    }

    @Test
    void rejectsEmptyFileAndMissingTestBatch() throws Exception {
        Path p = TestFiles.write(dir, "data_batch_1.bin", new byte[0]);
        DataFormatException e = assertThrows(DataFormatException.class, () -> Cifar10Reader.readBatch(p));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
        TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifar(1, 2));
        DataFormatException missing = assertThrows(DataFormatException.class,
                () -> DatasetFactory.create("cifar10", Map.of("path", dir.toString(), "validation", 1)));
        assertTrue(missing.getMessage().contains("missing test_batch.bin"), missing.getMessage());
    }
}
