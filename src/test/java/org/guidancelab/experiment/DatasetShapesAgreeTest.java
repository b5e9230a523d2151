package org.guidancelab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.data.TaskData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes the validator checks networks against are those of the data the trainer is then given. */
class DatasetShapesAgreeTest {
    private static final Map<String, Object> SMALL = Map.of("train", 6, "validation", 4, "test", 2);

    @Test
    void everyDatasetTheFactoryKnowsHasAShapeAndNoOther() throws Exception {
        assertEquals(DatasetFactory.names(), DatasetShapes.NAMES);
        for (String name : DatasetFactory.names()) {
            Map<String, Object> params = name.equals("csv") ? Map.of("features", 2, "classes", 2) : Map.of();
            DatasetShapes.of(name, params); // throws for a name it does not know
        }
    }

    @Test
    void generatedDataHasTheShapeTheValidatorExpects(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("points.csv");
        Files.writeString(csv, "x,y,z,label\n1,2,3,a\n4,5,6,b\n7,8,9,a\n1,1,1,c\n2,2,2,b\n");
        List<Map<String, Object>> cases = List.of(
                with("shapes", Map.of()), with("shapes", Map.of("colour", true)), with("shapes-colour", Map.of()),
                with("copy", Map.of()), with("copy", Map.of("maxLength", 4, "length", 12)),
                with("parity", Map.of()), with("parity", Map.of("maxLength", 5, "length", 9)),
                with("spirals", Map.of()), with("xor", Map.of()), with("blobs", Map.of("classes", 5)),
                Map.of("name", "csv", "params", Map.of("path", csv.toString(), "features", 3, "classes", 3,
                        "validationFraction", 0.4)));
        for (Map<String, Object> c : cases) {
            String name = (String) c.get("name");
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) c.get("params");
            TaskData data = DatasetFactory.create(name, params);
            DatasetShape shape = DatasetShapes.of(name, params);
            String what = name + " " + params;
            assertArrayEquals(shape.inputShape().stream().mapToInt(Integer::intValue).toArray(), data.inputShape(), what);
            assertEquals(shape.tokens(), data.tokens(), what);
            assertEquals(shape.vocabSize(), data.vocabSize(), what);
            assertEquals(shape.classes(), data.classes(), what);
            assertEquals(shape.perToken(), data.perToken(), what);
        }
    }

    private static Map<String, Object> with(String name, Map<String, Object> extra) {
        Map<String, Object> params = new HashMap<>(SMALL);
        params.putAll(extra);
        return Map.of("name", name, "params", params);
    }
}
