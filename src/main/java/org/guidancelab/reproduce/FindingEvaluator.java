package org.guidancelab.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;

/**
 * Reads each finding's finished run folders back, aggregates them per arm, draws seed 1's figures and decides the
 * verdict. Findings compare with each other only through their aggregated arms (wide-fcn's gain vs deep-fcn's).
 */
public final class FindingEvaluator {
    private FindingEvaluator() {
    }

    public static List<FindingResult> evaluate(List<Finding> findings, List<SeedRun> runs, Path out)
            throws IOException {
        return evaluate(findings, runs, List.of(), out);
    }

    /**
     * As above, with the findings' sweeps: a curve's checks (the warmup's) join the finding's before its verdict; a
     * grid (the wide FCN's) is reported beside them, not counted.
     */
    public static List<FindingResult> evaluate(List<Finding> findings, List<SeedRun> runs,
                                               List<FindingSweep.Run> sweeps, Path out) throws IOException {
        Map<String, List<ArmSummary>> arms = new LinkedHashMap<>();
        Map<String, List<RunRecord>> records = new LinkedHashMap<>();
        for (Finding f : findings) {
            List<RunRecord> finished = new ArrayList<>();
            for (SeedRun r : runsOf(f, runs)) {
                if (r.finished()) {
                    finished.add(RunReader.read(r.dir()));
                }
            }
            records.put(f.id(), finished);
            arms.put(f.id(), Aggregator.summarize(finished));
        }
        List<FindingResult> out2 = new ArrayList<>();
        for (Finding f : findings) {
            List<SeedRun> mine = runsOf(f, runs);
            List<ArmSummary> a = arms.get(f.id());
            List<RunRecord> finished = records.get(f.id());
            List<Check> checks = new ArrayList<>(a.isEmpty() ? List.of() : f.criterion().checks(a, arms));
            WarmupCurve.Result curve = null;
            if (f.curveSweep() != null) {
                FindingSweep.Run run = sweeps.stream().filter(c -> c.name().equals(f.id())).findFirst().orElse(null);
                curve = WarmupCurve.evaluate(run, out);
                if (!a.isEmpty()) {
                    checks.addAll(curve.checks());
                }
            }
            StrengthGrid.Result grid = null;
            if (f.gridSweep() != null) {
                grid = StrengthGrid.evaluate(sweeps.stream().filter(c -> c.name().equals(StrengthGrid.name(f)))
                        .findFirst().orElse(null), out);
            }
            Verdict verdict = a.isEmpty() ? Verdict.NOT_RUN : Verdict.of(checks);
            List<Path> figures = List.of();
            if (!finished.isEmpty()) {
                ArmSummary guided = Criterion.first(a, f.guidedRole());
                figures = FigureSet.write(f, finished.get(0), guided == null ? null : guided.arm(), out);
            }
            double wall = mine.stream().mapToDouble(SeedRun::wallSeconds).sum();
            out2.add(new FindingResult(f, mine, a, checks, verdict, figures, wall, curve, grid));
        }
        return out2;
    }

    private static List<SeedRun> runsOf(Finding f, List<SeedRun> runs) {
        return runs.stream().filter(r -> r.finding().id().equals(f.id())).toList();
    }
}
