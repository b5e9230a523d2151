package org.guidancelab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes tiny dataset files in the real formats, so reader tests need no downloads. */
final class TestFiles {
    private TestFiles() {
    }

    /** An IDX unsigned-byte file with the given dimensions and data. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /** n images of rows x cols whose pixel k of image i is (i * 31 + k * 7) mod 256. */
    static byte[] idxImages(int n, int rows, int cols) {
        byte[] data = new byte[n * rows * cols];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rows * cols; k++) {
                data[i * rows * cols + k] = (byte) pixel(i, k);
            }
        }
        return idx(new int[] {n, rows, cols}, data);
    }

    static int pixel(int i, int k) {
        return (i * 31 + k * 7) % 256;
    }

    static byte[] idxLabels(int... labels) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return idx(new int[] {labels.length}, data);
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** The four standard MNIST files: 12 training and 4 test images of 4x3, labels i % 10. */
    static void mnistFolder(Path dir, boolean gz) throws IOException {
        String suffix = gz ? ".gz" : "";
        write(dir, "train-images-idx3-ubyte" + suffix, maybeGzip(idxImages(12, 4, 3), gz));
        write(dir, "train-labels-idx1-ubyte" + suffix, maybeGzip(idxLabels(labels(12)), gz));
        write(dir, "t10k-images-idx3-ubyte" + suffix, maybeGzip(idxImages(4, 4, 3), gz));
        write(dir, "t10k-labels-idx1-ubyte" + suffix, maybeGzip(idxLabels(labels(4)), gz));
    }

    static int[] labels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = i % 10;
        }
        return l;
    }

    private static byte[] maybeGzip(byte[] raw, boolean gz) throws IOException {
        return gz ? gzip(raw) : raw;
    }

    /** CIFAR-10 records: label then 3072 bytes; record i has label labels[i] and pixel k = (i + k) mod 256. */
    static byte[] cifar(int... labels) {
        byte[] b = new byte[labels.length * Cifar10Reader.RECORD];
        for (int i = 0; i < labels.length; i++) {
            int at = i * Cifar10Reader.RECORD;
            b[at] = (byte) labels[i];
            for (int k = 0; k < Cifar10Reader.PIXELS; k++) {
                b[at + 1 + k] = (byte) ((i + k) % 256);
            }
        }
        return b;
    }
}
