package org.guidancelab.cli;

import java.util.List;

/** The list of subcommands, kept in one place so each feature adds a single line. */
final class Subcommands {
    private Subcommands() {
    }

    static List<Object> all() {
        return List.of(
                new ValidateCommand(),
                new PresetsCommand(),
                new DataCommand(),
                new RunCommand(),
                new ResumeCommand(),
                new CkaCommand(),
                new FiguresCommand(),
                new BenchCommand(),
                new ReproduceCommand(),
                new SweepCommand(),
                new GuideCommand());
    }
}
