package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A failure nobody foresaw still reaches the user as one line naming it, exit code 1, never as frames. */
class FailureHandlerTest {
    private final StringWriter err = new StringWriter();

    @Command(name = "breaks")
    static final class Breaks implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("OpenBLAS refused 3 threads");
        }
    }

    @Command(name = "links-badly")
    static final class LinksBadly implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        }
    }

    private int exec(Object command, String name) {
        CommandLine cl = GuidanceLabCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        cl.addSubcommand(command);
        cl.setErr(new PrintWriter(err, true)); // reach the subcommand added after the streams were set
        return cl.execute(name);
    }

    @Test
    void anUnexpectedExceptionIsOneLineNamingIt() {
        assertEquals(1, exec(new Breaks(), "breaks"));
        assertEquals("error: 'guidance-lab breaks' failed unexpectedly: IllegalStateException: OpenBLAS refused 3 threads"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void anErrorIsOneLineToo() {
        assertEquals(1, exec(new LinksBadly(), "links-badly"));
        assertEquals("error: 'guidance-lab links-badly' failed unexpectedly: UnsatisfiedLinkError: no jnind4jcpu in java.library.path"
                + System.lineSeparator(), err.toString());
        assertFalse(err.toString().contains("\tat "));
    }
}
