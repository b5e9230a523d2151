package org.guidancelab.arch;

/**
 * A spec file that cannot be read, saying which file, line and JSON path, and what is wrong:
 * {@code "presets/x.json:12 at $.target.layers[3].units: expected a whole number, got \"ten\""}.
 *
 * <p>It lives in {@code arch} because network files are read here and {@code arch} imports nothing of ours;
 * {@link org.guidancelab.experiment.SpecFormatException}, thrown for experiment files, extends it, so catching
 * this type catches both.
 */
public class JsonSpecException extends Exception {
    private final String file;
    private final int line;
    private final String jsonPath;
    private final String problem;

    public JsonSpecException(String file, int line, String jsonPath, String problem) {
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
