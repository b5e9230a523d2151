package org.guidancelab.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run's figures are drawn from, as plain records (the run store's reader is adapted to this).
 *
 * @param runName       the run's name, used in file names
 * @param arms          the experiment's arms in order (fixes their colours)
 * @param curves        every recorded metric curve of every arm
 * @param markers       the steps at which arms' guidance was disconnected
 * @param cka           per arm, its target x guide CKA matrices in step order
 * @param selfSimilarity per arm, its target x target CKA matrices in step order
 * @param unbiasedCka   the matrices hold the unbiased minibatch estimator (the colour bar says so)
 */
public record RunFigureData(String runName, List<String> arms, List<Curve> curves, List<GuidanceMarker> markers,
                            Map<String, List<CkaHeatmap>> cka, Map<String, List<CkaHeatmap>> selfSimilarity,
                            boolean unbiasedCka) {
    public RunFigureData {
        Objects.requireNonNull(runName, "runName");
        arms = List.copyOf(arms);
        curves = List.copyOf(curves);
        markers = List.copyOf(markers);
        cka = copy(cka);
        selfSimilarity = copy(selfSimilarity);
    }

    /** A run whose matrices hold the paper's (biased) CKA. */
    public RunFigureData(String runName, List<String> arms, List<Curve> curves, List<GuidanceMarker> markers,
                         Map<String, List<CkaHeatmap>> cka, Map<String, List<CkaHeatmap>> selfSimilarity) {
        this(runName, arms, curves, markers, cka, selfSimilarity, false);
    }

    private static Map<String, List<CkaHeatmap>> copy(Map<String, List<CkaHeatmap>> m) {
        Map<String, List<CkaHeatmap>> out = new LinkedHashMap<>();
        m.forEach((arm, list) -> out.put(arm, List.copyOf(list)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
