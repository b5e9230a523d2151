package org.guidancelab.session;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TapPair;

/** Follows a session's event stream (replayed and live) and builds its {@link RunSummary}. */
final class SummaryCollector implements TrainingListener {
    private final Map<String, Arm> arms = new LinkedHashMap<>();
    private volatile ExperimentSpec experiment;
    private volatile RunStatus status = RunStatus.RUNNING;
    private volatile String message = "";

    /** What is known of one arm so far. */
    private static final class Arm {
        RunStatus status = RunStatus.RUNNING;
        int step;
        String message = "";
        Map<String, Double> last = Map.of();
        double meanPairCka = Double.NaN;
        double bestValAccuracy = Double.NaN;
        double bestValLoss = Double.NaN;
    }

    /** The experiment whose pairs the mean CKA is taken over (set before any event). */
    void experiment(ExperimentSpec spec) {
        experiment = spec;
    }

    /** An arm that finished before this session (a resume does not train it again). */
    synchronized void finishedBefore(String arm) {
        arm(arm).status = RunStatus.FINISHED;
    }

    @Override
    public synchronized void onEvent(TrainingEvent e) {
        if (e instanceof TrainingEvent.Step s && s.phase() == Phase.TASK) {
            Arm a = arm(s.arm());
            a.step = Math.max(a.step, s.step());
            if (s.metrics().containsKey(Metrics.VAL_LOSS)) {
                a.last = s.metrics();
                a.bestValLoss = best(a.bestValLoss, s.get(Metrics.VAL_LOSS), false);
                a.bestValAccuracy = best(a.bestValAccuracy, s.get(Metrics.VAL_ACCURACY), true);
            }
        } else if (e instanceof TrainingEvent.CkaMatrices c && c.targetGuide() != null) {
            arm(c.arm()).meanPairCka = meanPairCka(c.targetGuide());
        } else if (e instanceof TrainingEvent.ArmStarted a) {
            arm(a.arm()).status = RunStatus.RUNNING;
        } else if (e instanceof TrainingEvent.ArmFinished f) {
            arm(f.arm()).status = f.stopped() ? RunStatus.STOPPED : RunStatus.FINISHED;
        } else if (e instanceof TrainingEvent.ArmFailed f) {
            Arm a = arm(f.arm());
            a.status = RunStatus.FAILED;
            a.message = f.message();
        } else if (e instanceof TrainingEvent.RunFinished r) {
            status = r.status();
            message = r.message();
        }
    }

    private Arm arm(String name) {
        return arms.computeIfAbsent(name, n -> new Arm());
    }

    private static double best(double so, double v, boolean higher) {
        if (Double.isNaN(v)) {
            return so;
        }
        return Double.isNaN(so) ? v : higher ? Math.max(so, v) : Math.min(so, v);
    }

    private double meanPairCka(CkaMatrix m) {
        List<TapPair> pairs = experiment == null ? List.of() : experiment.resolvedPairs();
        double sum = 0;
        int n = 0;
        for (TapPair p : pairs) {
            int r = m.rowTaps().indexOf(p.targetTap());
            int c = m.columnTaps().indexOf(p.guideTap());
            if (r >= 0 && c >= 0) {
                sum += m.get(r, c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The status and message of the run's end event (RUNNING and "" before it). */
    RunStatus status() {
        return status;
    }

    String message() {
        return message;
    }

    synchronized RunSummary summary(Path dir, SetupFailure setup, List<String> recordFailures, List<String> notes) {
        Map<String, ArmResult> out = new LinkedHashMap<>();
        List<String> order = experiment == null ? List.copyOf(arms.keySet())
                : experiment.arms().stream().map(ArmSpec::name).toList();
        for (String name : order) {
            Arm a = arms.get(name);
            if (a != null) {
                out.put(name, new ArmResult(name, a.status, a.step, a.message, a.last, a.meanPairCka,
                        a.bestValAccuracy, a.bestValLoss));
            }
        }
        return new RunSummary(dir, status, message, out, setup, recordFailures, notes);
    }
}
