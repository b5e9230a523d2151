package org.guidancelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/** A file to write: its folder must exist and the path must not be a folder, checked before the work is done. */
final class OutputFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path p = Path.of(value);
        if (Files.isDirectory(p)) {
            throw InvalidValue.statement("not a file: " + value);
        }
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw InvalidValue.statement("no such folder: " + parent);
        }
        return p;
    }
}
