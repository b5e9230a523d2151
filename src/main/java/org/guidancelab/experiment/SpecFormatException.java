package org.guidancelab.experiment;

/**
 * A spec file that cannot be read: says which file, line and JSON path, and what is wrong
 * ("presets/x.json:12 at $.target.layers[3].units: expected a whole number, got \"ten\"").
 */
public final class SpecFormatException extends Exception {
    private final String file;
    private final int line;
    private final String jsonPath;
    private final String problem;

    public SpecFormatException(String file, int line, String jsonPath, String problem) {
        super(format(file, line, jsonPath, problem));
        this.file = file;
        this.line = line;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    private static String format(String file, int line, String jsonPath, String problem) {
        StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (jsonPath != null && !jsonPath.isEmpty()) {
            sb.append(" at ").append(jsonPath);
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() { return file; }
    public int line() { return line; }
    public String jsonPath() { return jsonPath; }
    public String problem() { return problem; }
}
