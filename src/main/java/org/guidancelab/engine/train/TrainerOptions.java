package org.guidancelab.engine.train;

import org.guidancelab.engine.cka.CkaEstimator;

/**
 * Engine settings that are not part of the experiment.
 *
 * @param probeSize          examples of the fixed validation probe batch used for CKA heatmaps
 * @param heatmapEstimator   estimator of the heatmaps (the training term is always biased CKA)
 * @param models             how networks are built
 * @param guideCacheBytes    bound of the frozen guide's per-example tap cache (0 = off; see GuideTapCache), per arm
 * @param schedule           whether arms run one after another or take turns (the numbers are the same either way)
 */
public record TrainerOptions(int probeSize, CkaEstimator heatmapEstimator, ModelSource models, long guideCacheBytes,
                             ArmSchedule schedule) {
    /**
     * Arms one after another: what batch work (the CLI, sweeps, reproduce) wants, since only one arm's networks and
     * guide cache are held at a time. The app asks for {@link ArmSchedule#INTERLEAVED}.
     */
    public static final ArmSchedule DEFAULT_SCHEDULE = ArmSchedule.SEQUENTIAL;

    /** Default bound of the guide tap cache: holds e.g. a 4-tap CNN guide's taps for 2,560 MNIST-sized examples. */
    public static final long DEFAULT_GUIDE_CACHE_BYTES = 256L << 20;

    public TrainerOptions(int probeSize, CkaEstimator heatmapEstimator, ModelSource models) {
        this(probeSize, heatmapEstimator, models, DEFAULT_GUIDE_CACHE_BYTES, DEFAULT_SCHEDULE);
    }

    public static TrainerOptions defaults() {
        return new TrainerOptions(256, CkaEstimator.BIASED, ModelSource.standard());
    }

    public TrainerOptions withGuideCacheBytes(long bytes) {
        return new TrainerOptions(probeSize, heatmapEstimator, models, bytes, schedule);
    }

    public TrainerOptions withProbeSize(int n) {
        return new TrainerOptions(n, heatmapEstimator, models, guideCacheBytes, schedule);
    }

    public TrainerOptions withModels(ModelSource m) {
        return new TrainerOptions(probeSize, heatmapEstimator, m, guideCacheBytes, schedule);
    }

    public TrainerOptions withSchedule(ArmSchedule s) {
        return new TrainerOptions(probeSize, heatmapEstimator, models, guideCacheBytes, s);
    }
}
