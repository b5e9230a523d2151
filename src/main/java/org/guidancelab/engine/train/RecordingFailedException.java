package org.guidancelab.engine.train;

/**
 * Thrown by a listener that keeps the run's record (the run folder) when it cannot write: a full disk, a read-only
 * folder, a file in the way. Training stops at once, since nothing it did from then on could be kept; what was written
 * before stays valid and the run can be resumed once the folder can be written again. The message says which file and
 * why.
 */
public final class RecordingFailedException extends RuntimeException {
    public RecordingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
