package org.guidancelab.engine.model.samediff;

import java.io.PrintStream;

/**
 * ND4J M2.1's {@code SameDiff.createGradFunction} prints one "Added differentiated op ..." line per op with
 * {@code System.out.println}, unconditionally (no logger, no switch). Building the gradient function through
 * {@link #quietly} swaps in a stream that drops exactly those lines and passes everything else through, so the
 * CLI's stdout stays clean without hiding anyone else's output.
 */
final class SameDiffChatter {
    static final String PREFIX = "Added differentiated op ";
    /** One swap at a time: two models built on two threads must not restore each other's stream. */
    private static final Object LOCK = new Object();

    private SameDiffChatter() {
    }

    static void quietly(Runnable action) {
        synchronized (LOCK) {
            PrintStream original = System.out;
            System.setOut(new Filter(original));
            try {
                action.run();
            } finally {
                System.setOut(original);
            }
        }
    }

    private static final class Filter extends PrintStream {
        private final PrintStream target;

        Filter(PrintStream target) {
            super(target, true);
            this.target = target;
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith(PREFIX)) {
                target.println(line);
            }
        }
    }
}
