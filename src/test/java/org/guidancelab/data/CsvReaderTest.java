package org.guidancelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void headerWithStringLabelsMapsThemInSortedOrder() throws Exception {
        Path p = csv("iris.csv", "a,species,b\n1.5,virginica,2\n0.5,setosa,-1\n\n3,versicolor,4e0\n2,setosa,1\n");
        CsvReader.Table t = CsvReader.read(p, CsvReader.LabelColumn.byName("species"), true, ',');
        assertEquals(4, t.rows());
        assertEquals(2, t.features());
        assertEquals(List.of("a", "b"), t.featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), t.classNames());
        assertArrayEquals(new int[] {2, 0, 1, 0}, t.y());
        assertArrayEquals(new float[] {1.5f, 2, 0.5f, -1, 3, 4, 2, 1}, t.x());
    }

    @Test
    void noHeaderLabelByIndexAndNumericLabelsInNumericOrder() throws Exception {
        Path p = csv("n.csv", "10,0.1,0.2\n2,0.3,0.4\n1,\"0.5\",0.6\n");
        CsvReader.Table t = CsvReader.read(p, CsvReader.LabelColumn.byIndex(0), false, ',');
        assertEquals(List.of("1", "2", "10"), t.classNames());
        assertArrayEquals(new int[] {2, 1, 0}, t.y());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, t.x());
    }

    @Test
    void factorySplitsAndStandardisesFeatures() throws Exception {
        StringBuilder sb = new StringBuilder("x1;x2;y\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i).append(';').append(i % 2 == 0 ? -5 : 5).append(';').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Path p = csv("t.csv", sb.toString());
        TaskData d = DatasetFactory.create("csv", Map.of("path", p.toString(), "label", "y", "delimiter", ";",
                "validationFraction", 0.2, "testFraction", 0.1));
        assertArrayEquals(new int[] {2}, d.inputShape());
        assertEquals(2, d.classes());
        assertEquals(35, d.train().size());
        assertEquals(10, d.validation().size());
        assertEquals(5, d.test().size());
        for (int f = 0; f < 2; f++) {
            double sum = 0;
            for (int i = 0; i < 35; i++) {
                sum += d.train().x()[i * 2 + f];
            }
            assertEquals(0.0, sum / 35, 1e-5);
        }
        // Each label travelled with its row: x2 is positive (standardised) exactly for the "odd" rows (class 1).
        for (Split s : new Split[] {d.train(), d.validation(), d.test()}) {
            for (int i = 0; i < s.size(); i++) {
                assertEquals(s.x()[i * 2 + 1] > 0 ? 1 : 0, s.y()[i]);
            }
        }
        TaskData all = DatasetFactory.create("csv", Map.of("path", p.toString(), "label", 2, "delimiter", ";",
                "validationFraction", 0.0, "seed", 3));
        assertEquals(50, all.train().size());
        assertEquals(0, all.validation().size());
    }

    private String failure(Path p, CsvReader.LabelColumn label, boolean header) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvReader.read(p, label, header, ','));
        assertTrue(e.getMessage().startsWith(p.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void rejectsRaggedRowsWithTheLine() throws Exception {
        Path p = csv("ragged.csv", "a,b,y\n1,2,x\n3,4\n");
        String m = failure(p, CsvReader.LabelColumn.byIndex(-1), true);
        assertTrue(m.contains("line 3: ragged row: 2 cells, but line 1 has 3"), m);
    }

    @Test
    void rejectsNonNumericCellsWithLineAndColumn() throws Exception {
        Path p = csv("bad.csv", "a,b,y\n1,2,x\n3,four,y\n");
        String m = failure(p, CsvReader.LabelColumn.byName("y"), true);
        assertTrue(m.contains("line 3, column 'b' (2): 'four' is not a finite number"), m);
    }

    @Test
    void rejectsEmptyFileAndHeaderOnly() throws Exception {
        assertTrue(failure(csv("empty.csv", ""), CsvReader.LabelColumn.byIndex(-1), true).contains("empty file"));
        assertTrue(failure(csv("blank.csv", "\n\n"), CsvReader.LabelColumn.byIndex(-1), true).contains("empty file"));
        assertTrue(failure(csv("head.csv", "a,y\n"), CsvReader.LabelColumn.byIndex(-1), true)
                .contains("no data rows"));
    }

    @Test
    void rejectsAHeaderRowOfNumbers() throws Exception {
        Path p = csv("nohead.csv", "1,2,0\n3,4,1\n");
        String m = failure(p, CsvReader.LabelColumn.byIndex(-1), true);
        assertTrue(m.contains("line 1: the header row holds only numbers") && m.contains("header = false"), m);
    }

    @Test
    void rejectsUnknownLabelColumn() throws Exception {
        Path p = csv("c.csv", "a,b,y\n1,2,x\n");
        String m = failure(p, CsvReader.LabelColumn.byName("label"), true);
        assertTrue(m.contains("no column named 'label'; columns: a, b, y"), m);
        assertTrue(failure(p, CsvReader.LabelColumn.byIndex(5), true).contains("index 5 is out of range for 3 columns"));
    }

    @Test
    void declaredFeaturesAndClassesMustMatchTheFile() throws Exception {
        Path p = csv("d.csv", "a,b,y\n1,2,x\n3,4,z\n5,6,x\n7,8,z\n9,0,x\n");
        TaskData ok = DatasetFactory.create("csv", Map.of("path", p.toString(), "features", 2, "classes", 2));
        assertEquals(2, ok.classes());
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DatasetFactory.create("csv", Map.of("path", p.toString(), "features", 3)));
        assertTrue(e.getMessage().contains("holds 2 feature columns but the dataset parameter 'features' says 3"),
                e.getMessage());
        e = assertThrows(DataFormatException.class,
                () -> DatasetFactory.create("csv", Map.of("path", p.toString(), "classes", 4)));
        assertTrue(e.getMessage().contains("holds 2 distinct labels"), e.getMessage());
    }

    @Test
    void quotedCellsMayHoldTheDelimiter() throws Exception {
        Path p = csv("q.csv", "a,name\n1,\"Smith, J.\"\n2,\"O\"\"Neil\"\n");
        CsvReader.Table t = CsvReader.read(p, CsvReader.LabelColumn.byName("name"), true, ',');
        assertEquals(List.of("O\"Neil", "Smith, J."), t.classNames());
    }
}
