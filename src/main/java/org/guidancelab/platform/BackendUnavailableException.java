package org.guidancelab.platform;

/** The ND4J backend could not start; the message says why and how to run on CPU instead. */
public final class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
