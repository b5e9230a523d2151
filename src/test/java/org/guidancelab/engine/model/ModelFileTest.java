package org.guidancelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guidancelab.engine.train.ModelFactory;
import org.guidancelab.engine.train.TinyExperiments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @Test
    void roundTripsParametersAndRefusesAnotherNetworkOrAnotherFormat(@TempDir Path dir) throws IOException {
        Model a = ModelFactory.create(TinyExperiments.guide(), 1);
        Path f = dir.resolve("guide.glmodel");
        ModelFile.save(a, f);
        Model b = ModelFactory.create(TinyExperiments.guide(), 2);
        ModelFile.load(b, f);
        assertArrayEquals(a.params().toFloatVector(), b.params().toFloatVector());

        Model other = ModelFactory.create(TinyExperiments.target(), 1);
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(other, f));
        assertEquals(f + ": holds 555 parameters but network 'target' has 467", e.getMessage());

        Path junk = dir.resolve("junk.glmodel");
        Files.writeString(junk, "hello, world");
        assertTrue(assertThrows(IOException.class, () -> ModelFile.load(b, junk)).getMessage().endsWith("not a Guidance Lab model file"));
        Path cut = dir.resolve("cut.glmodel");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(cut + ": model file is truncated", assertThrows(IOException.class, () -> ModelFile.load(b, cut)).getMessage());
    }
}
