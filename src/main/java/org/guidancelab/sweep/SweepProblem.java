package org.guidancelab.sweep;

/**
 * A problem of a sweep found before anything trains, located like the problems of experiment files: the file and line,
 * the JSON path of the value at fault and, when only some cells have it, the cell
 * ({@code "sweeps/warmup.json:9 at $.axes[0].values[6] (cell warmup=400,seed=1): ..."}).
 *
 * @param line 0 when unknown
 * @param cell the cell's id, "" when the problem is not a cell's
 */
public record SweepProblem(String file, int line, String jsonPath, String cell, String message) {
    public SweepProblem {
        cell = cell == null ? "" : cell;
        jsonPath = jsonPath == null ? "" : jsonPath;
    }

    /** One line: "file:line at PATH (cell ID): message". */
    public String describe() {
        StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (!jsonPath.isEmpty()) {
            sb.append(" at ").append(jsonPath);
        }
        if (!cell.isEmpty()) {
            sb.append(" (cell ").append(cell).append(')');
        }
        return sb.append(": ").append(message).toString();
    }
}
