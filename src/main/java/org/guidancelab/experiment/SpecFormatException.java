package org.guidancelab.experiment;

import org.guidancelab.arch.JsonSpecException;

/**
 * A spec file that cannot be read: says which file, line and JSON path, and what is wrong
 * ("presets/x.json:12 at $.target.layers[3].units: expected a whole number, got \"ten\"").
 * Network files read on their own throw its superclass {@link JsonSpecException} (arch cannot see this class).
 */
public final class SpecFormatException extends JsonSpecException {

    public SpecFormatException(String file, int line, String jsonPath, String problem) {
        super(file, line, jsonPath, problem);
    }

    /** The same problem, as thrown by the experiment codec. */
    public static SpecFormatException of(JsonSpecException e) {
        return e instanceof SpecFormatException s ? s : new SpecFormatException(e.file(), e.line(), e.jsonPath(), e.problem());
    }
}
