package org.guidancelab.cli;

import java.io.PrintWriter;
import java.util.List;
import org.guidancelab.platform.BackendUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * An exception escaping a command becomes one line on stderr, never frames: a backend that cannot start (the GPU
 * build without a GPU) is the user's situation, exit 2; anything else is a failure of ours, exit 1, named by its type
 * so that it can be reported.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    /** Runs the commands as picocli does, but hands an Error (picocli lets those escape) to this handler too. */
    static IExecutionStrategy catchingErrors(IExecutionStrategy strategy) {
        return parsed -> {
            try {
                return strategy.execute(parsed);
            } catch (Error e) {
                List<CommandLine> commands = parsed.asCommandLineList();
                throw new ExecutionException(commands.get(commands.size() - 1), e.toString(), e);
            }
        };
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        // an Error arrives wrapped in picocli's ExecutionException (see catchingErrors)
        Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
        PrintWriter err = cmd.getErr();
        int code;
        if (cause instanceof BackendUnavailableException) {
            err.println("error: " + UsageErrorHandler.oneLine(cause.getMessage()));
            code = cmd.getCommandSpec().exitCodeOnInvalidInput();
        } else {
            String message = UsageErrorHandler.oneLine(cause.getMessage());
            err.println("error: '" + cmd.getCommandSpec().qualifiedName() + "' failed unexpectedly: "
                    + cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
            code = cmd.getCommandSpec().exitCodeOnExecutionException();
        }
        err.flush();
        return code;
    }
}
