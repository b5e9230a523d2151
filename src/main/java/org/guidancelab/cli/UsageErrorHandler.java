package org.guidancelab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every bad command line, found by picocli while parsing or by a command checking its options, becomes one line
 * "error: ..." on stderr and exit code 2 (picocli's default prints the whole usage after it). A pointer to --help
 * follows only when the words themselves were wrong (an unknown or a missing argument).
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + message(ex));
        if (ex instanceof UnmatchedArgumentException || ex instanceof MissingParameterException) {
            err.println(hint(ex, cmd));
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String message(ParameterException ex) {
        if (ex.getCause() instanceof InvalidValue v && ex.getArgSpec() != null) {
            return v.describe(ex.getArgSpec());
        }
        return oneLine(ex.getMessage());
    }

    private static String hint(ParameterException ex, CommandLine cmd) {
        String see = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            return see + "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        return see;
    }

    /** Multi-line messages (picocli's, or a cause's) are joined so the error stays one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
