package org.guidancelab.reproduce;

import static org.guidancelab.reproduce.Comparison.beats;
import static org.guidancelab.reproduce.Comparison.beatsCheck;
import static org.guidancelab.reproduce.Comparison.gain;
import static org.guidancelab.reproduce.Comparison.margin;
import static org.guidancelab.reproduce.Comparison.pct;
import static org.guidancelab.reproduce.Comparison.pts;
import static org.guidancelab.reproduce.Criterion.all;
import static org.guidancelab.reproduce.Criterion.first;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The seven findings' criteria, exactly as the findings contract states them. */
final class Criteria {
    static final double OVERFIT_RATIO = 1.10;
    static final double COPY_FAILS_BELOW = 0.50;
    static final double CLEARLY_BETTER = 0.05;
    static final double MOST_OF_BENEFIT = 0.5;

    private Criteria() {
    }

    static List<Check> deepFcn(List<ArmSummary> arms, Map<String, List<ArmSummary>> others) {
        ArmSummary base = first(arms, ArmRole.BASELINE);
        ArmSummary guided = first(arms, ArmRole.GUIDED_UNTRAINED);
        ArmSummary trained = first(arms, ArmRole.GUIDED_TRAINED);
        List<Check> out = new ArrayList<>();
        out.add(beatsOrMissing("guided-untrained beats baseline", guided, base));
        String overfit = "baseline overfits: mean final/min val loss >= " + OVERFIT_RATIO;
        if (base == null) {
            out.add(Check.missing(overfit, "no baseline arm"));
        } else {
            double r = base.overfitRatio().mean();
            out.add(Check.counted(overfit, String.format(Locale.ROOT, "%s: %.3f", base.arm(), r), r >= OVERFIT_RATIO));
        }
        String less = "guided-untrained overfits less: lower final/min ratio and lower final val loss than baseline";
        if (base == null || guided == null) {
            out.add(Check.missing(less, "needs a baseline and a guided-untrained arm"));
        } else {
            double rg = guided.overfitRatio().mean();
            double rb = base.overfitRatio().mean();
            double lg = guided.valLoss().mean();
            double lb = base.valLoss().mean();
            out.add(Check.counted(less, String.format(Locale.ROOT, "ratio %.3f vs %.3f; final val loss %.4f vs %.4f",
                    rg, rb, lg, lb), rg < rb && lg < lb));
        }
        out.add(beatsOrMissing("guided-trained beats baseline", trained, base));
        return out;
    }

    static List<Check> wideFcn(List<ArmSummary> arms, Map<String, List<ArmSummary>> others) {
        ArmSummary base = first(arms, ArmRole.BASELINE);
        ArmSummary guided = first(arms, ArmRole.GUIDED_UNTRAINED);
        ArmSummary trained = first(arms, ArmRole.GUIDED_TRAINED);
        List<Check> out = new ArrayList<>();
        out.add(beatsOrMissing("guided-untrained beats baseline", guided, base));
        if (trained != null) {
            out.add(beatsOrMissing("guided-trained beats baseline", trained, base));
        }
        List<ArmSummary> deep = others.get(Findings.DEEP_FCN);
        ArmSummary deepBase = deep == null ? null : first(deep, ArmRole.BASELINE);
        ArmSummary deepGuided = deep == null ? null : first(deep, ArmRole.GUIDED_UNTRAINED);
        String smaller = "the gain is smaller than deep-fcn's gain of guided-untrained over baseline";
        if (base == null || guided == null || deepBase == null || deepGuided == null) {
            out.add(Check.reported(smaller, "not checked: deep-fcn did not run in this report", false));
        } else {
            double g = gain(guided, base);
            double d = gain(deepGuided, deepBase);
            out.add(Check.counted(smaller, "wide-fcn " + pts(g) + " vs deep-fcn " + pts(d), g < d));
        }
        return out;
    }

    static List<Check> deepConvnet(List<ArmSummary> arms, Map<String, List<ArmSummary>> others) {
        ArmSummary base = first(arms, ArmRole.BASELINE);
        ArmSummary guided = first(arms, ArmRole.GUIDED_UNTRAINED);
        ArmSummary trained = first(arms, ArmRole.GUIDED_TRAINED);
        List<Check> out = new ArrayList<>();
        out.add(beatsOrMissing("guided-trained beats baseline", trained, base));
        String notWorse = "guided-untrained is not worse than baseline by more than the margin";
        if (guided == null) {
            // The paper's finding is the trained guide's; the untrained arm is optional (kept out of the preset for time).
            return out;
        }
        if (base == null) {
            out.add(Check.missing(notWorse, "needs a baseline arm"));
        } else {
            out.add(Check.counted(notWorse, Comparison.pointsLine(guided, base) + " >= -margin "
                    + Comparison.points(margin(guided, base)), gain(guided, base) >= -margin(guided, base)));
        }
        return out;
    }

    static List<Check> copyPaste(List<ArmSummary> arms, Map<String, List<ArmSummary>> others) {
        ArmSummary base = first(arms, ArmRole.BASELINE);
        ArmSummary guided = first(arms, ArmRole.GUIDED_UNTRAINED);
        List<Check> out = new ArrayList<>();
        out.add(beatsOrMissing("guided-untrained beats baseline", guided, base));
        String fails = "the baseline fails: mean val accuracy below " + pct(COPY_FAILS_BELOW);
        if (base == null) {
            out.add(Check.missing(fails, "no baseline arm"));
        } else {
            double b = base.accuracy().mean();
            out.add(Check.counted(fails, base.arm() + " " + pct(b), b < COPY_FAILS_BELOW));
        }
        String clearly = "clearly better: baseline mean val accuracy < guided mean - 5 points";
        if (base == null || guided == null) {
            out.add(Check.missing(clearly, "needs a baseline and a guided-untrained arm"));
        } else {
            out.add(Check.counted(clearly, Comparison.pointsLine(guided, base) + " > +5.0 pts",
                    base.accuracy().mean() < guided.accuracy().mean() - CLEARLY_BETTER));
        }
        return out;
    }

    static List<Check> parity(List<ArmSummary> arms, Map<String, List<ArmSummary>> others) {
        return List.of(beatsOrMissing("guided-trained beats baseline", first(arms, ArmRole.GUIDED_TRAINED),
                first(arms, ArmRole.BASELINE)));
    }

    static List<Check> warmup(List<ArmSummary> arms, Map<String, List<ArmSummary>> others) {
        ArmSummary base = first(arms, ArmRole.BASELINE);
        ArmSummary guided = first(arms, ArmRole.GUIDED_UNTRAINED);
        List<Check> out = new ArrayList<>();
        out.add(beatsOrMissing("guided-untrained (full guidance) beats baseline", guided, base));
        out.add(keepsBenefit("every warmup arm keeps most of the benefit", all(arms, ArmRole.WARMUP), base, guided));
        out.add(keepsBenefit("every noise arm keeps most of the benefit", all(arms, ArmRole.NOISE), base, guided));
        return out;
    }

    static List<Check> distillation(List<ArmSummary> arms, Map<String, List<ArmSummary>> others) {
        ArmSummary base = first(arms, ArmRole.BASELINE);
        ArmSummary distill = first(arms, ArmRole.DISTILL_UNTRAINED);
        ArmSummary distillTrained = first(arms, ArmRole.DISTILL_TRAINED);
        List<Check> out = new ArrayList<>();
        out.add(beatsOrMissing("guided-untrained beats baseline", first(arms, ArmRole.GUIDED_UNTRAINED), base));
        String nothing = "distill-untrained gives nothing: mean difference to baseline <= margin";
        if (base == null || distill == null) {
            out.add(Check.missing(nothing, "needs a baseline and a distill-untrained arm"));
        } else {
            out.add(Check.counted(nothing, Comparison.pointsLine(distill, base) + " <= margin "
                    + Comparison.points(margin(distill, base)), !beats(distill, base)));
        }
        if (distillTrained != null && base != null) {
            out.add(Check.reported("(reported) distill-trained beats baseline", Comparison.pointsLine(distillTrained,
                    base) + (beats(distillTrained, base) ? " > margin " : " <= margin ") + Comparison.points(margin(distillTrained, base)),
                    beats(distillTrained, base)));
        }
        return out;
    }

    /** (mean_acc(arm) - mean_acc(baseline)) >= 0.5 * (mean_acc(guided) - mean_acc(baseline)) for every arm given. */
    static Check keepsBenefit(String label, List<ArmSummary> arms, ArmSummary base, ArmSummary guided) {
        if (arms.isEmpty() || base == null || guided == null) {
            return Check.missing(label, "needs a baseline, a guided-untrained arm and at least one such arm");
        }
        double full = gain(guided, base);
        StringBuilder nums = new StringBuilder("full guidance " + pts(full) + "; half of it " + pts(MOST_OF_BENEFIT * full));
        boolean all = true;
        for (ArmSummary a : arms) {
            double g = gain(a, base);
            boolean ok = g >= MOST_OF_BENEFIT * full;
            all &= ok;
            nums.append("; ").append(a.arm()).append(' ').append(pts(g)).append(ok ? " (keeps)" : " (loses)");
        }
        return Check.counted(label, nums.toString(), all);
    }

    /** "A beats B", or a failed check naming the arm the preset lacks (the label starts with A's role). */
    private static Check beatsOrMissing(String label, ArmSummary a, ArmSummary b) {
        if (a == null || b == null) {
            return Check.missing(label, "the preset has no " + (a == null ? label.split(" ")[0] : "baseline") + " arm");
        }
        return beatsCheck(label, a, b);
    }
}
