package org.guidancelab.engine.train;

import org.guidancelab.engine.cka.CkaEstimator;

/**
 * Engine settings that are not part of the experiment.
 *
 * @param probeSize          examples of the fixed validation probe batch used for CKA heatmaps
 * @param heatmapEstimator   estimator of the heatmaps (the training term is always biased CKA)
 * @param models             how networks are built
 */
public record TrainerOptions(int probeSize, CkaEstimator heatmapEstimator, ModelSource models) {
    public static TrainerOptions defaults() {
        return new TrainerOptions(256, CkaEstimator.BIASED, ModelSource.standard());
    }

    public TrainerOptions withProbeSize(int n) {
        return new TrainerOptions(n, heatmapEstimator, models);
    }

    public TrainerOptions withModels(ModelSource m) {
        return new TrainerOptions(probeSize, heatmapEstimator, m);
    }

    public TrainerOptions withHeatmapEstimator(CkaEstimator e) {
        return new TrainerOptions(probeSize, e, models);
    }
}
