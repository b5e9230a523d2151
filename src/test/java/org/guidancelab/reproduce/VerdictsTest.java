package org.guidancelab.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.runs.MetricRow;
import org.junit.jupiter.api.Test;

/** The aggregator's statistics, the margin, arm roles and each finding's verdict on synthetic numbers. */
class VerdictsTest {
    private static final double EPS = 1e-12;

    /** An arm with these per-seed final accuracies; losses: final = ratio * min, min 1.0. */
    private static ArmSummary arm(String name, Set<ArmRole> roles, double ratio, double... acc) {
        List<Double> a = new ArrayList<>();
        List<Double> fin = new ArrayList<>();
        List<Double> min = new ArrayList<>();
        for (double x : acc) {
            a.add(x);
            fin.add(ratio);
            min.add(1.0);
        }
        return new ArmSummary(name, roles, name, a, fin, min, fin, fin);
    }

    private static ArmSummary arm(String name, ArmRole role, double... acc) {
        return arm(name, EnumSet.of(role), 1.0, acc);
    }

    @Test
    void statIsMeanAndSampleSdOverSeedsLeavingNaNOut() {
        Stat s = Stat.of(List.of(0.2, 0.4, 0.6));
        assertEquals(0.4, s.mean(), EPS);
        assertEquals(0.2, s.sd(), EPS, "n - 1 in the denominator: sqrt((0.04 + 0 + 0.04) / 2)");
        assertEquals(3, s.n());
        assertEquals(0.0, Stat.of(List.of(0.7)).sd(), "one seed: sd 0");
        Stat withNaN = Stat.of(List.of(1.0, Double.NaN, 3.0));
        assertEquals(2.0, withNaN.mean(), EPS);
        assertEquals(2, withNaN.n());
        assertTrue(Double.isNaN(Stat.of(List.of(Double.NaN)).mean()));
    }

    @Test
    void aggregatorTakesTheLastEvaluationTheLowestLossAndTheRecordedRate() {
        List<MetricRow> rows = List.of(
                new MetricRow("a", Phase.GUIDE_TRAINING, 1, Map.of("val/loss", 0.1)),
                new MetricRow("a", Phase.TASK, 1, Map.of("train/loss", 3.0, "train/task_loss", 2.5)),
                new MetricRow("a", Phase.TASK, 2, Map.of("train/loss", 2.0, "val/loss", 1.5, "val/accuracy", 0.3)),
                new MetricRow("a", Phase.TASK, 3, Map.of("train/loss", 1.8, "val/loss", 1.2, "val/accuracy", 0.5)),
                new MetricRow("a", Phase.TASK, 4, Map.of("train/loss", 1.6, "train/task_loss", 1.1,
                        "val/loss", 1.8, "val/accuracy", 0.4, "time/steps_per_second", 8.0)));
        // RunRecord.taskRows filters the phase; ArmMeasures gets task rows only.
        Aggregator.ArmMeasures m = Aggregator.ArmMeasures.of(rows.subList(1, rows.size()));
        assertEquals(0.4, m.finalValAccuracy(), EPS);
        assertEquals(1.8, m.finalValLoss(), EPS);
        assertEquals(1.2, m.minValLoss(), EPS);
        assertEquals(1.1, m.finalTrainLoss(), EPS, "the task loss, without the guidance term");
        assertEquals(0.5, m.seconds(), EPS, "4 steps at 8 steps/s");
        assertTrue(Double.isNaN(Aggregator.ArmMeasures.of(List.of()).finalValAccuracy()));
    }

    @Test
    void marginIsOnePointOrTheLargerSd() {
        ArmSummary tight = arm("a", ArmRole.BASELINE, 0.50, 0.50);
        ArmSummary tight2 = arm("b", ArmRole.GUIDED_UNTRAINED, 0.515, 0.515);
        assertEquals(0.01, Comparison.margin(tight, tight2), EPS);
        assertTrue(Comparison.beats(tight2, tight), "1.5 points > 1 point");
        ArmSummary noisy = arm("c", ArmRole.GUIDED_UNTRAINED, 0.50, 0.56);
        assertEquals(Math.sqrt(0.0018), Comparison.margin(tight, noisy), 1e-9);
        assertFalse(Comparison.beats(noisy, tight), "3 points < sd 4.2 points");
        assertFalse(Comparison.beats(arm("d", ArmRole.GUIDED_UNTRAINED, 0.505, 0.505), tight), "half a point is within the margin");
    }

    @Test
    void rolesComeFromTheArmFieldsNotTheName() {
        ArmSpec base = ArmSpec.baseline("guided");
        assertEquals(EnumSet.of(ArmRole.BASELINE), ArmRole.of(base));
        assertEquals(EnumSet.of(ArmRole.GUIDED_UNTRAINED), ArmRole.of(ArmSpec.guidedUntrained("x")));
        assertEquals(EnumSet.of(ArmRole.GUIDED_TRAINED), ArmRole.of(ArmSpec.guidedTrained("x", 100)));
        assertEquals(EnumSet.of(ArmRole.WARMUP), ArmRole.of(ArmSpec.guidedUntrained("baseline").withGuidanceSteps(150)));
        assertEquals(EnumSet.of(ArmRole.NOISE), ArmRole.of(ArmSpec.guidedUntrained("n").withNoiseGuide(true)));
        assertEquals(EnumSet.of(ArmRole.NOISE), ArmRole.of(ArmSpec.guidedUntrained("n").withNoisePrephaseSteps(200)));
        assertEquals(EnumSet.of(ArmRole.NOISE), ArmRole.of(ArmSpec.guidedUntrained("n").withGuidanceSteps(150)
                .withNoiseGuide(true)), "a warmup where the guide sees noise is a noise arm");
        assertEquals(EnumSet.of(ArmRole.DISTILL_UNTRAINED), ArmRole.of(ArmSpec.distillation("d", 0, 4, 1)));
        assertEquals(EnumSet.of(ArmRole.DISTILL_TRAINED), ArmRole.of(ArmSpec.distillation("d", 300, 4, 1)));
        assertEquals(EnumSet.of(ArmRole.DISTILL_TRAINED), ArmRole.of(new ArmSpec("d", ArmKind.DISTILLATION, 0,
                "teacher.glmodel", 0, false, 0, 4, 1)), "a loaded teacher is not untrained");
    }

    @Test
    void deepFcnNeedsGainOverfittingLessOverfittingAndATrainedGuide() {
        ArmSummary base = arm("baseline", EnumSet.of(ArmRole.BASELINE), 1.25, 0.30, 0.32);
        ArmSummary guided = arm("guided", EnumSet.of(ArmRole.GUIDED_UNTRAINED), 1.02, 0.40, 0.41);
        ArmSummary trained = arm("trained", EnumSet.of(ArmRole.GUIDED_TRAINED), 1.05, 0.36, 0.37);
        List<Check> checks = Criteria.deepFcn(List.of(base, guided, trained), Map.of());
        assertEquals(4, checks.size());
        assertTrue(checks.stream().allMatch(Check::pass), checks.toString());
        assertEquals(Verdict.REPRODUCED, Verdict.of(checks));

        ArmSummary flat = arm("baseline", EnumSet.of(ArmRole.BASELINE), 1.05, 0.30, 0.32);
        List<Check> noOverfit = Criteria.deepFcn(List.of(flat, guided, trained), Map.of());
        assertFalse(noOverfit.get(1).pass(), "ratio 1.05 < 1.10");
        assertEquals(Verdict.PARTLY_REPRODUCED, Verdict.of(noOverfit));

        ArmSummary weak = arm("guided", EnumSet.of(ArmRole.GUIDED_UNTRAINED), 1.02, 0.31, 0.32);
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.of(Criteria.deepFcn(List.of(base, weak, trained), Map.of())));

        List<Check> missing = Criteria.deepFcn(List.of(base, guided), Map.of());
        assertFalse(missing.get(3).pass());
        assertTrue(missing.get(3).numbers().contains("no guided-trained arm"), missing.get(3).numbers());
    }

    @Test
    void wideFcnGainMustBeSmallerThanDeepFcnsWhenBothRan() {
        Map<String, List<ArmSummary>> deep = Map.of(Findings.DEEP_FCN, List.of(arm("b", ArmRole.BASELINE, 0.30),
                arm("g", ArmRole.GUIDED_UNTRAINED, 0.45)));
        List<ArmSummary> wide = List.of(arm("b", ArmRole.BASELINE, 0.40), arm("g", ArmRole.GUIDED_UNTRAINED, 0.45));
        List<Check> checks = Criteria.wideFcn(wide, deep);
        assertEquals(2, checks.size(), "no guided-trained arm: its check is left out");
        assertEquals(Verdict.REPRODUCED, Verdict.of(checks));
        List<ArmSummary> bigger = List.of(arm("b", ArmRole.BASELINE, 0.20), arm("g", ArmRole.GUIDED_UNTRAINED, 0.45));
        assertEquals(Verdict.PARTLY_REPRODUCED, Verdict.of(Criteria.wideFcn(bigger, deep)));
        List<Check> alone = Criteria.wideFcn(wide, Map.of());
        assertFalse(alone.get(1).counted(), "without deep-fcn the comparison is only reported");
        assertEquals(Verdict.REPRODUCED, Verdict.of(alone));
    }

    @Test
    void deepConvnetCopyPasteAndParity() {
        ArmSummary base = arm("b", ArmRole.BASELINE, 0.50);
        assertEquals(Verdict.REPRODUCED, Verdict.of(Criteria.deepConvnet(List.of(base,
                arm("u", ArmRole.GUIDED_UNTRAINED, 0.495), arm("t", ArmRole.GUIDED_TRAINED, 0.60)), Map.of())));
        assertEquals(Verdict.PARTLY_REPRODUCED, Verdict.of(Criteria.deepConvnet(List.of(base,
                arm("u", ArmRole.GUIDED_UNTRAINED, 0.40), arm("t", ArmRole.GUIDED_TRAINED, 0.60)), Map.of())),
                "untrained guide 10 points worse");
        List<Check> trainedOnly = Criteria.deepConvnet(List.of(base, arm("t", ArmRole.GUIDED_TRAINED, 0.60)), Map.of());
        assertEquals(1, trainedOnly.size(), "without an untrained arm only the trained guide is checked");
        assertEquals(Verdict.REPRODUCED, Verdict.of(trainedOnly));

        ArmSummary rnn = arm("b", ArmRole.BASELINE, 0.14);
        assertEquals(Verdict.REPRODUCED, Verdict.of(Criteria.copyPaste(List.of(rnn,
                arm("g", ArmRole.GUIDED_UNTRAINED, 0.40)), Map.of())));
        List<Check> small = Criteria.copyPaste(List.of(rnn, arm("g", ArmRole.GUIDED_UNTRAINED, 0.17)), Map.of());
        assertTrue(small.get(0).pass(), "3 points beats the 1-point margin");
        assertFalse(small.get(2).pass(), "but is not 'clearly better' (5 points)");
        assertEquals(Verdict.PARTLY_REPRODUCED, Verdict.of(small));
        List<Check> solved = Criteria.copyPaste(List.of(arm("b", ArmRole.BASELINE, 0.60),
                arm("g", ArmRole.GUIDED_UNTRAINED, 0.90)), Map.of());
        assertFalse(solved.get(1).pass(), "a baseline at 60% does not fail");

        assertEquals(Verdict.REPRODUCED, Verdict.of(Criteria.parity(List.of(arm("b", ArmRole.BASELINE, 0.72),
                arm("t", ArmRole.GUIDED_TRAINED, 0.785)), Map.of())));
        assertEquals(Verdict.NOT_REPRODUCED, Verdict.of(Criteria.parity(List.of(arm("b", ArmRole.BASELINE, 0.72),
                arm("t", ArmRole.GUIDED_TRAINED, 0.725)), Map.of())));
    }

    @Test
    void warmupAndNoiseArmsMustKeepHalfTheGain() {
        ArmSummary base = arm("b", ArmRole.BASELINE, 0.30);
        ArmSummary full = arm("g", ArmRole.GUIDED_UNTRAINED, 0.50);
        List<ArmSummary> keeps = List.of(base, full, arm("w150", ArmRole.WARMUP, 0.45), arm("w300", ArmRole.WARMUP, 0.42),
                arm("noise", ArmRole.NOISE, 0.41));
        assertEquals(Verdict.REPRODUCED, Verdict.of(Criteria.warmup(keeps, Map.of())));
        List<ArmSummary> loses = List.of(base, full, arm("w150", ArmRole.WARMUP, 0.39), arm("w300", ArmRole.WARMUP, 0.45),
                arm("noise", ArmRole.NOISE, 0.41));
        List<Check> checks = Criteria.warmup(loses, Map.of());
        assertFalse(checks.get(1).pass(), "w150 keeps 9 of 20 points");
        assertTrue(checks.get(1).numbers().contains("w150 +9.0 pts (loses)"), checks.get(1).numbers());
        assertTrue(checks.get(2).pass());
        assertEquals(Verdict.PARTLY_REPRODUCED, Verdict.of(checks));
        assertFalse(Criteria.warmup(List.of(base, full), Map.of()).get(1).pass(), "no warmup arm: cannot hold");
    }

    @Test
    void distillationFromAnUntrainedTeacherMustGiveNothing() {
        ArmSummary base = arm("b", ArmRole.BASELINE, 0.30);
        ArmSummary guided = arm("g", ArmRole.GUIDED_UNTRAINED, 0.40);
        ArmSummary trained = arm("dt", ArmRole.DISTILL_TRAINED, 0.45);
        List<Check> ok = Criteria.distillation(List.of(base, guided, arm("du", ArmRole.DISTILL_UNTRAINED, 0.305),
                trained), Map.of());
        assertEquals(3, ok.size());
        assertFalse(ok.get(2).counted(), "distill-trained is reported only");
        assertEquals(Verdict.REPRODUCED, Verdict.of(ok));
        assertEquals(Verdict.PARTLY_REPRODUCED, Verdict.of(Criteria.distillation(List.of(base, guided,
                arm("du", ArmRole.DISTILL_UNTRAINED, 0.36)), Map.of())), "an untrained teacher that helps");
    }

    @Test
    void quickDividesEveryStepCountKeepingZeroAndAtLeastOne() {
        assertEquals(375, StepScale.div(1500, 4));
        assertEquals(1, StepScale.div(3, 4));
        assertEquals(0, StepScale.div(0, 4), "0 = guidance for the whole run stays 0");
        assertThrows(IllegalArgumentException.class, () -> Findings.select(List.of("deep-fcn", "nope")));
        assertEquals(List.of("deep-fcn", "copy-paste"), Findings.select(List.of("copy-paste", "deep-fcn")).stream()
                .map(Finding::id).toList(), "catalog order");
        assertEquals(7, Findings.all().size());
    }
}
