package org.guidancelab.engine.imported;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The committed guide fixtures (scripts/guide-fixtures.py) and the CSV reading the tests share. */
public final class GuideFixtures {
    private GuideFixtures() {
    }

    /** A file under src/test/resources/guides. */
    public static Path file(String name) {
        try {
            return Path.of(GuideFixtures.class.getResource("/guides/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture guides/" + name + ": run scripts/guide-fixtures.py", e);
        }
    }

    /** A CSV of floats, one row per example, as an [n, width] array. */
    public static INDArray csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            float[][] rows = new float[lines.size()][];
            for (int i = 0; i < rows.length; i++) {
                String[] cells = lines.get(i).split(",");
                rows[i] = new float[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    rows[i][j] = Float.parseFloat(cells[j]);
                }
            }
            return Nd4j.createFromArray(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixtures' 3 inputs as a [3, 1, 12, 12] batch in the lab's layout. */
    public static INDArray inputs() {
        return csv(file("inputs.csv")).reshape('c', 3, 1, 12, 12);
    }

    /** PyTorch's output of {@code layer} for the inputs, from ref-{@code model}/. */
    public static INDArray reference(String model, String layer) {
        return csv(file("ref-" + model + "/" + layer + ".csv"));
    }

    /** The largest absolute difference between two arrays of the same shape. */
    public static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sub(b.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE))
                .amaxNumber().doubleValue();
    }
}
