package org.guidancelab.engine.blas;

import java.util.Arrays;
import java.util.Locale;
import org.guidancelab.bench.MachineInfo;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GFLOPS of the training steps' product shapes through ND4J's matmul (oneDNN on the oneDNN builds), straight through
 * OpenBLAS and straight through oneDNN's sgemm, alternated round by round, median of the rounds: the measurement
 * behind {@link Blas#directMaxWork()} and {@link SgemmRoute} (docs/decisions/0026, 0028). A benchmark, not a test.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -cp target/guidance-lab.jar:target/test-classes
 * org.guidancelab.engine.blas.ProductRouteBenchmark [rounds]}
 */
public final class ProductRouteBenchmark {
    /** m, n, k, and which operand is transposed (0 none, 1 a, 2 b), with the step each comes from. */
    private static final Object[][] SHAPES = {
        {128, 128, 128, 0, "mlp: Dense 128 forward, batch 128"},
        {128, 128, 128, 1, "mlp: Dense 128 weight gradient"},
        {128, 128, 128, 2, "mlp: Dense 128 input gradient"},
        {128, 256, 256, 0, "fcn-cnn: Dense 256 forward"},
        {64, 512, 128, 0, "LSTM 128: one step's recurrent product, batch 64"},
        {64, 128, 512, 2, "LSTM 128: one step's dh, backward"},
        {128, 512, 1984, 1, "LSTM 128: dW_h over 31 steps"},
        {2048, 512, 128, 0, "LSTM 128: input projection of 32 steps"},
        {64, 128, 128, 0, "RNN 128: one step's recurrent product"},
        {2048, 64, 64, 0, "Transformer d 64: a projection of 64 x 32 tokens"},
        {2048, 128, 64, 0, "Transformer d 64: feed-forward up"},
        {64, 64, 2048, 1, "Transformer d 64: a projection's weight gradient"},
        {32, 32, 16, 2, "Transformer: one head's scores, Q K^T"},
        {512, 256, 256, 0, "512 x 256 x 256 (0008's comparison)"},
        {1024, 1024, 512, 0, "a large product"},
    };

    private ProductRouteBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        MachineInfo.header(1, rounds + " alternated rounds per shape, median GFLOPS").forEach(System.out::println);
        if (!Blas.isDirect()) {
            System.out.println("OpenBLAS cannot be called directly here (not ND4J's CPU backend)");
            return;
        }
        System.out.printf(Locale.ROOT, "%-5s %-5s %-5s %-3s %10s %10s %10s  %s%n", "m", "n", "k", "op", "nd4j", "openblas",
                "onednn", "shape");
        for (Object[] s : SHAPES) {
            int m = (int) s[0], n = (int) s[1], k = (int) s[2], op = (int) s[3];
            INDArray a = op == 1 ? Nd4j.rand(DataType.FLOAT, k, m) : Nd4j.rand(DataType.FLOAT, m, k);
            INDArray b = op == 2 ? Nd4j.rand(DataType.FLOAT, n, k) : Nd4j.rand(DataType.FLOAT, k, n);
            INDArray c = Nd4j.create(DataType.FLOAT, m, n);
            boolean ta = op == 1, tb = op == 2;
            int iterations = (int) Math.max(10, 4e8 / (2.0 * m * n * k));
            double[] viaNd4j = new double[rounds];
            double[] direct = new double[rounds];
            double[] viaOneDnn = new double[rounds];
            for (int r = -1; r < rounds; r++) {   // round -1 warms both routes up
                long t0 = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    Nd4j.gemm(a, b, c, ta, tb, 1.0, 0.0);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    DirectBlas.gemm(a, MatrixLayout.of(a), ta, b, MatrixLayout.of(b), tb, c, MatrixLayout.of(c), m, n, k, 1.0,
                            0.0, SgemmRoute.OPENBLAS);
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    DirectBlas.gemm(a, MatrixLayout.of(a), ta, b, MatrixLayout.of(b), tb, c, MatrixLayout.of(c), m, n, k, 1.0,
                            0.0, SgemmRoute.ONEDNN);
                }
                long t3 = System.nanoTime();
                if (r >= 0) {
                    double flops = 2.0 * m * n * k * iterations;
                    viaNd4j[r] = flops / (t1 - t0);
                    direct[r] = flops / (t2 - t1);
                    viaOneDnn[r] = flops / (t3 - t2);
                }
            }
            System.out.printf(Locale.ROOT, "%-5d %-5d %-5d %-3s %10.1f %10.1f %10.1f  %s%n", m, n, k,
                    new String[] {"-", "a'", "b'"}[op], median(viaNd4j), median(direct), median(viaOneDnn), s[4]);
        }
        System.out.println("load average at the end: " + MachineInfo.loadAverage());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
