package org.guidancelab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A CSV of numbers (rows = examples); a first line that is not all numbers is taken as a header and skipped. */
final class NumericCsv {
    private NumericCsv() {
    }

    static double[][] read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[,;\\t]");
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c].trim());
                } catch (NumberFormatException e) {
                    if (rows.isEmpty() && width < 0 && i == firstNonEmpty(lines)) {
                        row = null; // header line
                        break;
                    }
                    throw new IOException(file + ":" + (i + 1) + ": column " + (c + 1) + " '" + cells[c].trim() + "' is not a number");
                }
            }
            if (row == null) {
                continue;
            }
            if (width >= 0 && row.length != width) {
                throw new IOException(file + ":" + (i + 1) + ": " + row.length + " values, the rows above have " + width);
            }
            width = row.length;
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no rows of numbers");
        }
        return rows.toArray(new double[0][]);
    }

    private static int firstNonEmpty(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
