package org.guidancelab.engine.model.fast;

import java.util.Arrays;
import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * [C, H, W] -> [C], the mean of each map, and back: the gradient of a mean spreads evenly over the map. One Java pass
 * each way (a few thousand values per example; an ND4J reduction costs more in call overhead than in arithmetic).
 */
final class GlobalAvgPoolLayer extends FastLayer {
    private final int positions;
    private INDArray out, dIn;
    private float[] inF, outF, dOutF, dInF;
    private int batch = -1;

    GlobalAvgPoolLayer(String name, boolean tap, int channels, int positions) {
        super(name, tap, channels * positions, channels);
        this.positions = positions;
    }

    @Override
    INDArray forward(INDArray x, boolean training) {
        int n = (int) x.rows();
        if (n != batch) {
            batch = n;
            out = Nd4j.create(DataType.FLOAT, n, outWidth);
            dIn = Nd4j.create(DataType.FLOAT, n, inWidth);
            inF = new float[n * inWidth];
            outF = new float[n * outWidth];
            dOutF = new float[n * outWidth];
            dInF = new float[n * inWidth];
        }
        Blas.get(x, 0, inF, inF.length);
        for (int map = 0; map < outF.length; map++) {
            double sum = 0;
            for (int p = map * positions, end = p + positions; p < end; p++) {
                sum += inF[p];
            }
            outF[map] = (float) (sum / positions);
        }
        Blas.put(outF, outF.length, out, 0);
        return out;
    }

    @Override
    INDArray backward(INDArray dOut, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        Blas.get(dOut, 0, dOutF, dOutF.length);
        for (int map = 0; map < dOutF.length; map++) {
            float g = dOutF[map] / positions;
            Arrays.fill(dInF, map * positions, (map + 1) * positions, g);
        }
        Blas.put(dInF, dInF.length, dIn, 0);
        return dIn;
    }
}
