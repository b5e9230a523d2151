package org.guidancelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/** A path that must name an existing regular file, so a typo is "no such file: PATH" before any work starts. */
final class ExistingFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path p = Path.of(value);
        if (!Files.exists(p)) {
            throw InvalidValue.statement("no such file: " + value);
        }
        if (!Files.isRegularFile(p)) {
            throw InvalidValue.statement("not a file: " + value);
        }
        return p;
    }
}
