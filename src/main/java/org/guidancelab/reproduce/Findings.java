package org.guidancelab.reproduce;

import java.util.List;
import java.util.stream.Collectors;

/** The catalog of the seven findings of the findings contract, in report order. */
public final class Findings {
    public static final String DEEP_FCN = "deep-fcn";
    public static final String WIDE_FCN = "wide-fcn";
    public static final String DEEP_CONVNET = "deep-convnet";
    public static final String COPY_PASTE = "copy-paste";
    public static final String PARITY = "parity";
    public static final String WARMUP = "warmup";
    public static final String DISTILLATION = "distillation";

    private static final List<Finding> ALL = List.of(
            new Finding(DEEP_FCN, "deep-fcn.json",
                    "A deep FCN (Dense+BN+ReLU blocks) trained alone overfits: its validation loss rises while its "
                            + "training loss falls. Guided by an untrained CNN/ResNet guide it does not, and ends with "
                            + "better validation accuracy; a trained guide helps too.",
                    "Deep FCN: 50-layer MLP (Linear+BN+ReLU) guided by ResNet-18 on ImageNet; unguided overfits (val "
                            + "CE climbs to ~9.3), guided does not; untrained guide best (top-5 13.1% vs 1.65%).",
                    "(1) guided-untrained beats baseline; (2) baseline overfits: mean final/min val loss >= 1.10; "
                            + "(3) guided-untrained has a lower final/min ratio and a lower final val loss than "
                            + "baseline; (4) guided-trained beats baseline.",
                    Criteria::deepFcn, ArmRole.GUIDED_UNTRAINED),
            new Finding(WIDE_FCN, "wide-fcn.json",
                    "A wide FCN is helped by guidance too, less dramatically.",
                    "Wide FCN: 3 layers of 8192 guided by ResNet-18 on ImageNet; guided better (43.0 / 39.5 vs 34.1).",
                    "(1) guided-untrained beats baseline; (2) guided-trained beats baseline (when the preset has "
                            + "one); (3) the gain is smaller than deep-fcn's (when deep-fcn ran); (reported, not "
                            + "counted) the grid of the untrained-guide arm over alpha 0, 1, 4 x width 256, 512, 1024 x "
                            + "300 or 900 steps, over the same seeds: the settings where the best alpha above 0 beats "
                            + "alpha 0 by more than max(1 point, either sd).",
                    Criteria::wideFcn, ArmRole.GUIDED_UNTRAINED, null, "sweeps/wide-fcn-grid.json"),
            new Finding(DEEP_CONVNET, "deep-convnet.json",
                    "A deep ConvNet without skip connections trains better guided by a ResNet (trained guide in the "
                            + "paper).",
                    "Deep ConvNet: ResNet-50 without skips guided by ResNet-50 on ImageNet; trained guide better "
                            + "(78.9 vs 70.0).",
                    "(1) guided-trained beats baseline; (2) guided-untrained (when the preset has one) is not worse "
                            + "than baseline by more than the margin.",
                    Criteria::deepConvnet, ArmRole.GUIDED_TRAINED),
            new Finding(COPY_PASTE, "copy-paste.json",
                    "A vanilla RNN fails at copy-paste alone and does clearly better under an untrained Transformer "
                            + "guide.",
                    "Copy-paste: vanilla RNN guided by a Transformer (copy digits after a COPY token); RNN fails "
                            + "alone (14%), untrained Transformer guide 42.6%.",
                    "(1) guided-untrained beats baseline; (2) the baseline fails: mean val accuracy below 50%; "
                            + "(3) clearly better: baseline mean < guided mean - 5 points.",
                    Criteria::copyPaste, ArmRole.GUIDED_UNTRAINED),
            new Finding(PARITY, "parity.json",
                    "A Transformer does better at parity under a trained RNN guide.",
                    "Parity: Transformer guided by an RNN (parity of bit strings); trained RNN guide 78.5% vs 72.0% "
                            + "alone.",
                    "(1) guided-trained beats baseline.",
                    Criteria::parity, ArmRole.GUIDED_TRAINED),
            new Finding(WARMUP, "warmup.json",
                    "Guidance only for the first few hundred steps keeps most of the benefit, including guidance where "
                            + "the guide sees noise.",
                    "Warmup: deep FCN guided by ResNet-18 on ImageNet; disconnecting the guide after 150-300 steps "
                            + "keeps the benefit.",
                    "(1) guided-untrained (full guidance) beats baseline; (2) every warmup arm keeps at least half "
                            + "of the full guidance gain over baseline; (3) every noise arm too; (4) the warmup curve "
                            + "(the guided arm with the guide disconnected after 0, 25, 50, 100, 150, 200 or 300 of 300 "
                            + "steps, a sweep over the same seeds): full guidance beats none, and every warmup of half "
                            + "the run or more (150 and 200 steps) keeps at least half of that gain, the lab-scale "
                            + "reading of the paper's 150-300 steps; (reported, not counted) the shortest warmup keeping "
                            + "half of the gain.",
                    Criteria::warmup, ArmRole.GUIDED_UNTRAINED, WarmupCurve.SWEEP, null),
            new Finding(DISTILLATION, "distillation.json",
                    "Logit distillation from an untrained teacher gives nothing; guidance with the same untrained "
                            + "network still helps.",
                    "Baselines of the paper: logit knowledge distillation fails with an untrained teacher while "
                            + "guidance does not.",
                    "(1) guided-untrained beats baseline; (2) distill-untrained does not beat baseline (mean "
                            + "difference <= margin); (reported, not counted) distill-trained vs baseline.",
                    Criteria::distillation, ArmRole.GUIDED_UNTRAINED));

    private Findings() {
    }

    public static List<Finding> all() {
        return ALL;
    }

    /** The findings with these ids, in catalog order; an unknown id is an error naming the known ones. */
    public static List<Finding> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return ALL;
        }
        for (String id : ids) {
            if (ALL.stream().noneMatch(f -> f.id().equals(id.trim()))) {
                throw new IllegalArgumentException("--only: no finding called '" + id.trim() + "'; the findings are "
                        + ALL.stream().map(Finding::id).collect(Collectors.joining(", ")));
            }
        }
        return ALL.stream().filter(f -> ids.stream().anyMatch(i -> i.trim().equals(f.id()))).toList();
    }
}
