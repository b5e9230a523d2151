package org.guidancelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/** An output folder: it may not exist yet (it is created), but it must not be a plain file. */
final class FolderPath implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path p = Path.of(value);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw InvalidValue.statement("not a folder: " + value);
        }
        return p;
    }
}
