package org.guidancelab.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.train.Phase;

/**
 * metrics.csv: a header {@code arm,phase,step,<metric columns>} then one row per step per arm. Values are written
 * with {@link Double#toString} (they read back bit-exact); a metric not recorded at a step is an empty cell. Arm
 * names are quoted when they hold a comma or a quote.
 */
public final class MetricsCsv {
    static final List<String> KEYS = List.of("arm", "phase", "step");

    private MetricsCsv() {
    }

    static String header(List<String> columns) {
        List<String> all = new ArrayList<>(KEYS);
        all.addAll(columns);
        return String.join(",", all);
    }

    static String row(MetricRow r, List<String> columns) {
        StringBuilder sb = new StringBuilder(quote(r.arm())).append(',').append(r.phase().jsonName()).append(',').append(r.step());
        for (String c : columns) {
            sb.append(',');
            Double v = r.metrics().get(c);
            if (v != null) {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    public static List<MetricRow> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<MetricRow> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        if (lines.size() > 1 && !text.endsWith("\n") && !text.endsWith("\r")) {
            // Every row is written with its line end: a last line without one was cut short (a crash, a full disk).
            lines.remove(lines.size() - 1);
        }
        List<String> header = split(lines.get(0));
        if (header.size() < 3 || !header.subList(0, 3).equals(KEYS)) {
            throw new IOException(file + ":1: expected a header starting with arm,phase,step");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line);
            if (cells.size() != header.size()) {
                // A crash can leave a partial last line: it is dropped (resume recomputes it), anything else is an error.
                if (i == lines.size() - 1) {
                    break;
                }
                throw new IOException(file + ":" + (i + 1) + ": " + cells.size() + " cells for " + header.size() + " columns");
            }
            try {
                Map<String, Double> m = new LinkedHashMap<>();
                for (int c = 3; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        m.put(header.get(c), Double.parseDouble(cells.get(c)));
                    }
                }
                rows.add(new MetricRow(cells.get(0), Phase.parse(cells.get(1)), Integer.parseInt(cells.get(2)), m));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
