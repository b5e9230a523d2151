package org.guidancelab.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.guidancelab.sweep.SweepFolder;

/** A run folder as zip bytes and back: how a cell trained on a worker without shared storage reaches the driver. */
final class RunZip {
    private RunZip() {
    }

    static byte[] pack(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Makes {@code target} hold exactly the zipped folder. It is unpacked beside it first and moved into place, so a
     * driver killed while unpacking leaves no half run under the cell's temporary name (the cell is trained again).
     */
    static void unpack(byte[] zipped, Path target) throws IOException {
        Path staging = target.resolveSibling(target.getFileName() + ".ship");
        SweepFolder.deleteTree(staging);
        Files.createDirectories(staging);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path out = staging.resolve(e.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("a shipped run folder names a file outside it: " + e.getName());
                }
                Files.createDirectories(out.getParent());
                Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        SweepFolder.deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
