package org.guidancelab.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The lab's numeric CSV (one example per row, no header), read as floats; a bad cell is a refusal naming it. */
final class Csv {
    private Csv() {
    }

    static float[][] read(Path file, String what) throws OnnxRefusal {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new OnnxRefusal(what + " " + file + " cannot be read: " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new OnnxRefusal(what + " " + file + " is empty");
        }
        float[][] rows = new float[lines.size()][];
        for (int i = 0; i < rows.length; i++) {
            String[] cells = lines.get(i).split(",");
            rows[i] = new float[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    rows[i][j] = Float.parseFloat(cells[j].trim());
                } catch (NumberFormatException e) {
                    throw new OnnxRefusal(what + " " + file + ": row " + (i + 1) + ", column " + (j + 1) + " is not a number: '"
                            + cells[j] + "'");
                }
            }
            if (rows[i].length != rows[0].length) {
                throw new OnnxRefusal(what + " " + file + ": row " + (i + 1) + " has " + rows[i].length + " values, row 1 has "
                        + rows[0].length);
            }
        }
        return rows;
    }
}
