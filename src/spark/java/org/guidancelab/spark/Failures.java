package org.guidancelab.spark;

/** A failure in one line for the user: Spark wraps a task's exception in its own, with the executor's stack trace. */
final class Failures {
    private Failures() {
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
