package org.guidancelab.sweep;

import java.util.List;

/** A sweep that cannot run, with every problem found (each names its file, line, JSON path and cell). */
public final class SweepException extends Exception {
    private final List<SweepProblem> problems;

    public SweepException(List<SweepProblem> problems) {
        super(problems.isEmpty() ? "the sweep has problems" : problems.get(0).describe()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public SweepException(SweepProblem problem) {
        this(List.of(problem));
    }

    public List<SweepProblem> problems() {
        return problems;
    }
}
