package org.guidancelab.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a whole file, transparently gunzipping it when it starts with the gzip magic bytes 1f 8b. */
final class FileBytes {
    private FileBytes() {
    }

    static byte[] read(Path file) throws DataFormatException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw DataFormatException.inFile(file, "open", "file not found");
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "read", e.toString());
        }
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            return gunzip(file, raw);
        }
        return raw;
    }

    private static byte[] gunzip(Path file, byte[] raw) throws DataFormatException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
            in.transferTo(out);
            return out.toByteArray();
        } catch (EOFException e) {
            throw DataFormatException.inFile(file, "gzip stream", "truncated (unexpected end of the compressed data)");
        } catch (ZipException e) {
            throw DataFormatException.inFile(file, "gzip stream", "corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "gzip stream", e.toString());
        }
    }
}
