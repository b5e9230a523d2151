package org.guidancelab.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a CSV table of numeric features plus one label column. With a header, the first row names the columns
 * (a first row of numbers only is rejected as a probable headerless file). Cells are separated by the delimiter (comma by
 * default) and may be double-quoted (a quoted cell may contain the delimiter; {@code ""} is a quote; no line breaks
 * inside cells). Blank lines are skipped. Every row must have as many cells as the first; every feature cell must
 * parse as a number. Labels may be any strings: the distinct labels are mapped to class ids 0..K-1 in sorted order
 * (numeric order when every label is a number, so labels 0..9 keep their values; otherwise lexicographic).
 */
public final class CsvReader {

    /** The parsed table. {@code x} is row-major [rows, features]; class ids index {@code classNames}. */
    public record Table(int rows, int features, float[] x, int[] y, List<String> featureNames, List<String> classNames) {
    }

    /**
     * How to find the label column: by header name, or by 0-based index (negative counts from the end, -1 is the
     * last column).
     */
    public record LabelColumn(String name, int index) {
        public static LabelColumn byName(String name) {
            return new LabelColumn(name, 0);
        }

        public static LabelColumn byIndex(int index) {
            return new LabelColumn(null, index);
        }
    }

    private CsvReader() {
    }

    public static Table read(Path file, LabelColumn label, boolean header, char delimiter) throws DataFormatException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw DataFormatException.inFile(file, "open", "file not found");
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "read", e.toString());
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            rows.add(splitLine(file, line, i + 1, delimiter));
            lineNumbers.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw DataFormatException.inFile(file, "line 1", "empty file (no rows)");
        }
        int width = rows.get(0).length;
        for (int r = 1; r < rows.size(); r++) {
            if (rows.get(r).length != width) {
                throw DataFormatException.inFile(file, "line " + lineNumbers.get(r), "ragged row: " + rows.get(r).length
                        + " cells, but line " + lineNumbers.get(0) + " has " + width);
            }
        }
        if (width < 2) {
            throw DataFormatException.inFile(file, "line " + lineNumbers.get(0),
                    "only " + width + " column; need at least one feature and a label");
        }
        if (header && allNumbers(rows.get(0))) {
            // A headerless file read with header = true would silently lose its first example.
            throw DataFormatException.inFile(file, "line " + lineNumbers.get(0), "the header row holds only numbers,"
                    + " so it looks like data; set the parameter header = false");
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            names.add(header ? rows.get(0)[c].trim() : "column " + c);
        }
        int labelCol = labelIndex(file, label, header, names);
        int first = header ? 1 : 0;
        int n = rows.size() - first;
        if (n == 0) {
            throw DataFormatException.inFile(file, "line " + (lineNumbers.get(0) + 1), "no data rows after the header");
        }
        int features = width - 1;
        float[] x = new float[n * features];
        String[] rawLabels = new String[n];
        for (int r = 0; r < n; r++) {
            String[] cells = rows.get(first + r);
            int f = 0;
            for (int c = 0; c < width; c++) {
                String cell = cells[c].trim();
                if (c == labelCol) {
                    if (cell.isEmpty()) {
                        throw DataFormatException.inFile(file, "line " + lineNumbers.get(first + r) + ", column '"
                                + names.get(c) + "' (" + (c + 1) + ")", "empty label");
                    }
                    rawLabels[r] = cell;
                    continue;
                }
                x[r * features + f++] = number(file, cell, lineNumbers.get(first + r), names.get(c), c);
            }
        }
        List<String> classNames = sortedClasses(rawLabels);
        Map<String, Integer> ids = new TreeMap<>();
        for (int k = 0; k < classNames.size(); k++) {
            ids.put(classNames.get(k), k);
        }
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            y[r] = ids.get(rawLabels[r]);
        }
        List<String> featureNames = new ArrayList<>(names);
        featureNames.remove(labelCol);
        return new Table(n, features, x, y, List.copyOf(featureNames), List.copyOf(classNames));
    }

    private static int labelIndex(Path file, LabelColumn label, boolean header, List<String> names)
            throws DataFormatException {
        int width = names.size();
        if (label.name() != null) {
            if (!header) {
                throw DataFormatException.inFile(file, "label", "label column '" + label.name()
                        + "' is given by name but the file is read without a header; give its index instead");
            }
            int at = names.indexOf(label.name());
            if (at < 0) {
                throw DataFormatException.inFile(file, "line 1", "no column named '" + label.name()
                        + "'; columns: " + String.join(", ", names));
            }
            return at;
        }
        int idx = label.index() < 0 ? width + label.index() : label.index();
        if (idx < 0 || idx >= width) {
            throw DataFormatException.inFile(file, "label", "label column index " + label.index()
                    + " is out of range for " + width + " columns");
        }
        return idx;
    }

    private static float number(Path file, String cell, int line, String column, int c) throws DataFormatException {
        try {
            float v = Float.parseFloat(cell);
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw DataFormatException.inFile(file, "line " + line + ", column '" + column + "' (" + (c + 1) + ")",
                    cell.isEmpty() ? "empty cell, expected a number" : "'" + cell + "' is not a finite number");
        }
    }

    private static boolean allNumbers(String[] cells) {
        for (String c : cells) {
            try {
                Double.parseDouble(c.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** Distinct labels in numeric order when all are numbers, else in lexicographic order. */
    static List<String> sortedClasses(String[] labels) {
        boolean numeric = true;
        for (String s : labels) {
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        TreeSet<String> set = numeric
                ? new TreeSet<>((a, b) -> {
                    int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
                    return c != 0 ? c : a.compareTo(b);
                })
                : new TreeSet<>();
        for (String s : labels) {
            set.add(s);
        }
        return new ArrayList<>(set);
    }

    static String[] splitLine(Path file, String line, int lineNumber, char delimiter) throws DataFormatException {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"' && cur.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cur.setLength(0);
            } else if (ch == delimiter) {
                cells.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else {
                cur.append(ch);
            }
        }
        if (quoted) {
            throw DataFormatException.inFile(file, "line " + lineNumber, "unterminated quoted cell");
        }
        cells.add(cur.toString());
        return cells.toArray(new String[0]);
    }
}
