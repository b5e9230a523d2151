package org.guidancelab.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV of finite numbers (rows = examples); a first line that is not all numbers is taken as a header and skipped.
 * A bad cell is named as {@code file:line:column}, the column counting cells from 1.
 */
final class NumericCsv {
    /** NaN and infinity as Java, numpy and spreadsheets spell them: numbers, never a header, and refused. */
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private NumericCsv() {
    }

    static double[][] read(Path file) throws IOException {
        List<String> lines = lines(file);
        int first = firstNonEmpty(lines);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[,;\\t]");
            if (i == first && Arrays.stream(cells).anyMatch(c -> !isNumber(c.trim()))) {
                continue; // header line
            }
            double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = cell(file, i + 1, c + 1, cells[c].trim());
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IOException(file + ":" + (i + 1) + ": " + row.length + " values, the rows above have "
                        + rows.get(0).length);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no rows of numbers");
        }
        return rows.toArray(new double[0][]);
    }

    private static double cell(Path file, int line, int column, String text) throws IOException {
        String where = file + ":" + line + ":" + column + ": '" + text + "'";
        if (NON_FINITE.matcher(text).matches()) {
            throw new IOException(where + " is not a finite number");
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(where + " is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IOException(where + " is not a finite number"); // e.g. 1e999
        }
        return v;
    }

    private static boolean isNumber(String text) {
        if (NON_FINITE.matcher(text).matches()) {
            return true;
        }
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not a UTF-8 text file", e);
        }
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
