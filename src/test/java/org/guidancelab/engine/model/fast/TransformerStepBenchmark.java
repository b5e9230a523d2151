package org.guidancelab.engine.model.fast;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.guidancelab.bench.Workload;
import org.guidancelab.engine.model.samediff.SameDiffModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread CPU milliseconds of one forward and backward of the transformer-rnn workload's target on the fast path
 * (batch 64, T 32), per round of steps: CPU time rather than the wall clock because the measuring machine is shared
 * (docs/decisions/0027, addendum). Compare builds by alternating JVMs of each. A benchmark, not a test.
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -cp target/classes:target/test-classes:target/guidance-lab.jar
 * org.guidancelab.engine.model.fast.TransformerStepBenchmark [warm-up steps] [steps per round] [rounds]}
 */
public final class TransformerStepBenchmark {
    private TransformerStepBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int n = 64;
        int t = 32;
        int vocab = 12;
        try (SameDiffModel ref = new SameDiffModel(Workload.TRANSFORMER_RNN.target(), 17, DataType.FLOAT);
             TransformerFastModel fast = new TransformerFastModel(ref)) {
            Random r = new Random(1);
            float[] ids = new float[n * t];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = 1 + r.nextInt(vocab - 1);
            }
            INDArray x = Nd4j.create(ids, new long[] {n, t}, 'c');
            Nd4j.getRandom().setSeed(3);
            INDArray dLogits = Nd4j.randn(DataType.FLOAT, (long) n * t, vocab).muli(0.01);
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < warmup; i++) {
                fast.forward(x, true);
                fast.backward(dLogits, Map.of());
            }
            StringBuilder out = new StringBuilder("ms CPU per forward+backward:");
            for (int round = 0; round < rounds; round++) {
                long began = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < steps; i++) {
                    fast.forward(x, true);
                    fast.backward(dLogits, Map.of());
                }
                out.append(String.format(Locale.ROOT, " %.2f", (cpu.getCurrentThreadCpuTime() - began) / 1e6 / steps));
            }
            // The gradient sum shows at a glance whether two builds compute the same thing.
            System.out.println(out + " | gradient sum " + fast.gradients().sumNumber());
        }
    }
}
