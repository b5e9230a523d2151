package org.guidancelab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunJobTest {

    @Test
    void aRunJobIsEitherNewOrAResume() {
        assertThrows(IllegalArgumentException.class, () -> new RunJob(null, null));
        assertEquals("resume 20261128-run", RunJob.resume(Path.of("/runs/20261128-run")).label());
    }
}
