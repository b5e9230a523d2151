package org.guidancelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.guidancelab.platform.BackendUnavailableException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A backend that cannot start reaches the user as one line of words and exit code 2, never as a stack trace. */
class BackendFailureCliTest {

    @Command(name = "needs-backend")
    static final class NeedsBackend implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new BackendUnavailableException("The GPU build of Guidance Lab found no usable NVIDIA GPU or driver",
                    new UnsatisfiedLinkError("libcuda.so.1"));
        }
    }

    @Test
    void aBackendFailureIsOneLineAndExitCodeTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GuidanceLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand(new NeedsBackend());
        cl.setErr(new PrintWriter(err, true)); // reach the subcommand added after the streams were set
        int code = cl.execute("needs-backend");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: The GPU build of Guidance Lab found no usable NVIDIA GPU"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }
}
