package org.guidancelab.data;

import java.nio.file.Path;

/**
 * One IDX file (the MNIST format): 4-byte magic {@code 00 00 type ndims}, then {@code ndims} big-endian int32
 * dimensions, then the data. Only unsigned-byte data (type 0x08) is supported, which is what MNIST and
 * Fashion-MNIST use. Raw or gzip-compressed.
 *
 * @param file       where it came from (for messages)
 * @param dims       the dimensions from the header
 * @param bytes      the whole decompressed file
 * @param dataOffset where the data starts in {@code bytes}
 */
record IdxFile(Path file, int[] dims, byte[] bytes, int dataOffset) {
    static final int UNSIGNED_BYTE = 0x08;

    static IdxFile read(Path file, int expectedDims) throws DataFormatException {
        return parse(file, FileBytes.read(file), expectedDims);
    }

    static IdxFile parse(Path file, byte[] b, int expectedDims) throws DataFormatException {
        if (b.length == 0) {
            throw DataFormatException.inFile(file, "byte 0", "empty file");
        }
        if (b.length < 4) {
            throw DataFormatException.inFile(file, "byte " + b.length, "truncated inside the 4-byte magic number");
        }
        int magic = readInt(b, 0);
        int expectedMagic = 0x00000800 | expectedDims;
        if (magic != expectedMagic) {
            String why = (b[0] != 0 || b[1] != 0) ? "not an IDX file"
                    : (b[2] & 0xff) != UNSIGNED_BYTE ? "data type 0x" + Integer.toHexString(b[2] & 0xff)
                    + " is not supported (only unsigned bytes, 0x08)"
                    : "has " + (b[3] & 0xff) + " dimensions, expected " + expectedDims;
            throw DataFormatException.inFile(file, "byte 0", String.format(
                    "wrong magic number 0x%08X, expected 0x%08X (%s)", magic, expectedMagic, why));
        }
        int header = 4 + 4 * expectedDims;
        if (b.length < header) {
            throw DataFormatException.inFile(file, "byte " + b.length,
                    "truncated inside the " + header + "-byte header");
        }
        int[] dims = new int[expectedDims];
        long count = 1;
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = readInt(b, 4 + 4 * d);
            if (dims[d] < 0) {
                throw DataFormatException.inFile(file, "byte " + (4 + 4 * d), "negative dimension " + dims[d]);
            }
            count *= dims[d];
        }
        long actual = (long) b.length - header;
        if (actual < count) {
            throw DataFormatException.inFile(file, "byte " + b.length, "truncated: the header promises " + count
                    + " data bytes after byte " + header + " but the file holds only " + actual);
        }
        if (actual > count) {
            throw DataFormatException.inFile(file, "byte " + (header + count), (actual - count)
                    + " unexpected bytes after the " + count + " data bytes the header describes");
        }
        return new IdxFile(file, dims, b, header);
    }

    int unsigned(long index) {
        return bytes[(int) (dataOffset + index)] & 0xff;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
