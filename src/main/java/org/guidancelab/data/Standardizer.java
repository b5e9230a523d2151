package org.guidancelab.data;

/**
 * Per-channel standardisation with statistics of the training split only (so validation and test see exactly the
 * transform a deployed model would): {@code x' = (x - mean_c) / std_c}. Pixel readers first scale bytes to [0, 1];
 * this then gives roughly zero mean and unit variance per channel. A channel is a contiguous block of
 * {@code channelSize} values inside each example (one plane of a [C,H,W] image); for feature vectors use
 * {@code channelSize = 1} so each feature is standardised on its own.
 */
final class Standardizer {
    private final double[] mean;
    private final double[] std;
    private final int channelSize;

    private Standardizer(double[] mean, double[] std, int channelSize) {
        this.mean = mean;
        this.std = std;
        this.channelSize = channelSize;
    }

    /** Statistics of {@code n} examples of {@code channels * channelSize} values each. */
    static Standardizer fit(float[] x, int n, int channels, int channelSize) {
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        int perExample = channels * channelSize;
        for (int e = 0; e < n; e++) {
            int base = e * perExample;
            for (int c = 0; c < channels; c++) {
                int off = base + c * channelSize;
                for (int k = 0; k < channelSize; k++) {
                    double v = x[off + k];
                    sum[c] += v;
                    sumSq[c] += v * v;
                }
            }
        }
        double[] mean = new double[channels];
        double[] std = new double[channels];
        double count = (double) n * channelSize;
        for (int c = 0; c < channels; c++) {
            mean[c] = count == 0 ? 0 : sum[c] / count;
            double var = count == 0 ? 0 : sumSq[c] / count - mean[c] * mean[c];
            // A constant channel (e.g. a CSV column of zeros) is only centred, not blown up.
            std[c] = var > 1e-12 ? Math.sqrt(var) : 1.0;
        }
        return new Standardizer(mean, std, channelSize);
    }

    /** Standardises {@code n} examples of {@code x} in place. */
    void apply(float[] x, int n) {
        int channels = mean.length;
        int perExample = channels * channelSize;
        for (int e = 0; e < n; e++) {
            int base = e * perExample;
            for (int c = 0; c < channels; c++) {
                int off = base + c * channelSize;
                float m = (float) mean[c];
                float inv = (float) (1.0 / std[c]);
                for (int k = 0; k < channelSize; k++) {
                    x[off + k] = (x[off + k] - m) * inv;
                }
            }
        }
    }

    /** Fits on train and applies to all three splits. */
    static void standardize(Split train, Split validation, Split test, int channels, int channelSize) {
        Standardizer s = fit(train.x(), train.size(), channels, channelSize);
        s.apply(train.x(), train.size());
        s.apply(validation.x(), validation.size());
        s.apply(test.x(), test.size());
    }

    double mean(int channel) {
        return mean[channel];
    }

    double std(int channel) {
        return std[channel];
    }
}
