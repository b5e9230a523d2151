package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code cka} refuses inputs it cannot give a meaningful number for, in one line naming the file (and cell). */
class CkaInputsTest {
    @TempDir
    Path tmp;

    private Path good;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void goodFile() throws Exception {
        good = Files.writeString(tmp.resolve("good.csv"), "1,0\n0,2\n3,1\n2,5\n");
    }

    private int cka(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "cka";
        System.arraycopy(args, 0, all, 1, args.length);
        return GuidanceLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    }

    /** Exit code 2, nothing on stdout (no made-up 0.000000) and exactly this one line on stderr. */
    private void assertRefused(int code, String line) {
        assertEquals(2, code, err.toString());
        assertEquals("", out.toString());
        assertEquals(line + System.lineSeparator(), err.toString());
    }

    @Test
    void aNanCellNamesFileLineAndColumn() throws Exception {
        Path x = Files.writeString(tmp.resolve("x.csv"), "a,b\n1,2\n3,NaN\n5,7\n6,1\n");
        assertRefused(cka(x.toString(), good.toString()), "error: " + x + ":3:2: 'NaN' is not a finite number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "-Infinity", "inf", "-inf", "1e999"})
    void anInfiniteCellNamesFileLineAndColumn(String cell) throws Exception {
        Path y = Files.writeString(tmp.resolve("y.csv"), "1,0\n\n0,2\n3," + cell + "\n2,5\n");
        assertRefused(cka(good.toString(), y.toString()), "error: " + y + ":4:2: '" + cell + "' is not a finite number");
    }

    @Test
    void aNanInTheFirstLineIsNotMistakenForAHeader() throws Exception {
        Path x = Files.writeString(tmp.resolve("x.csv"), "1,nan\n0,2\n3,1\n2,5\n");
        assertRefused(cka(x.toString(), good.toString()), "error: " + x + ":1:2: 'nan' is not a finite number");
    }

    @Test
    void aTextCellNamesFileLineAndColumn() throws Exception {
        Path x = Files.writeString(tmp.resolve("x.csv"), "1,0\n0,two\n3,1\n2,5\n");
        assertRefused(cka(x.toString(), good.toString()), "error: " + x + ":2:2: 'two' is not a number");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aConstantRepresentationHasNoCka(boolean unbiased) throws Exception {
        Path flat = Files.writeString(tmp.resolve("flat.csv"), "0.1,3\n0.1,3\n0.1,3\n0.1,3\n");
        String line = "error: CKA is undefined for " + flat + ": every column is constant, so the representation "
                + "has zero variance";
        assertRefused(unbiased ? cka(good.toString(), flat.toString(), "--unbiased") : cka(good.toString(), flat.toString()), line);
    }

    @Test
    void theFirstFileIsNamedWhenItIsTheConstantOne() throws Exception {
        Path flat = Files.writeString(tmp.resolve("flat.csv"), "h1,h2\n7,7\n7,7\n7,7\n7,7\n");
        assertRefused(cka(flat.toString(), good.toString()), "error: CKA is undefined for " + flat
                + ": every column is constant, so the representation has zero variance");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("missing.csv");
        assertRefused(cka(missing.toString(), good.toString()), "error: no such file: " + missing);
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertRefused(cka(good.toString(), missing.toString()), "error: no such file: " + missing);
    }

    @Test
    void aFolderIsNotAFile() {
        assertRefused(cka(good.toString(), tmp.toString()), "error: not a file: " + tmp);
    }

    @Test
    void differentRowCountsAreNamed() throws Exception {
        Path y = Files.writeString(tmp.resolve("short.csv"), "1,2\n3,4\n");
        assertRefused(cka(good.toString(), y.toString()), "error: " + good + " has 4 rows but " + y
                + " has 2; the rows must be the same examples");
    }

    @Test
    void theUnbiasedEstimatorNeedsFourRows() throws Exception {
        Path x = Files.writeString(tmp.resolve("x.csv"), "1,2\n3,5\n4,4\n");
        Path y = Files.writeString(tmp.resolve("y.csv"), "1\n2\n0\n");
        assertRefused(cka(x.toString(), y.toString(), "--unbiased"),
                "error: --unbiased needs at least 4 rows (examples), got 3");
    }
}
