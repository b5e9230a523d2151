package org.guidancelab.cli;

import java.io.PrintWriter;
import org.guidancelab.platform.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the CLI: {@code guidance-lab SUBCOMMAND ...}. Subcommands are registered in {@link #commandLine}. */
@Command(name = "guidance-lab", mixinStandardHelpOptions = true, versionProvider = GuidanceLabCommand.VersionLine.class,
        description = "Guided training (CKA representational alignment to a frozen guide network), headless.",
        subcommands = {CommandLine.HelpCommand.class})
public final class GuidanceLabCommand implements Runnable {

    /** {@code --version}: the product version (from the build) and the Java runtime. */
    static final class VersionLine implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.productName(), Version.javaLine()};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with every subcommand, writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new GuidanceLabCommand());
        for (Object sub : Subcommands.all()) {
            cl.addSubcommand(sub);
        }
        cl.setOut(out);
        cl.setErr(err);
        // One place turns bad input and escaping exceptions into one line each, for every subcommand.
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setExecutionStrategy(FailureHandler.catchingErrors(new CommandLine.RunLast()));
        return cl;
    }

    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return commandLine(out, err).execute(args);
    }
}
