package org.guidancelab.data;

/**
 * A dataset could not be built: a file is malformed (wrong magic number, truncated, ragged row, bad cell, label out
 * of range, ...) or a dataset parameter is unknown or invalid. The message always names where the problem is (the
 * file and byte offset or row, or the parameter) and what is wrong. Loaders throw it before anything is returned,
 * so a half-loaded dataset is never used.
 */
public class DataFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "file: where: what", the standard layout of a file problem. */
    static DataFormatException inFile(Object file, String where, String what) {
        return new DataFormatException(file + ": " + where + ": " + what);
    }
}
