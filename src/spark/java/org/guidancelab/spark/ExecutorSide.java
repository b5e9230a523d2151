package org.guidancelab.spark;

import org.apache.spark.SparkEnv;
import org.guidancelab.platform.ProcessSetup;
import org.guidancelab.sweep.SessionCellTrainer;

/**
 * The set-up of an executor JVM, done by its first task: {@code Main} never runs there, so the native side (JavaCPP's
 * memory bound, the ND4J build for this CPU, one compute thread) is prepared from here, once per JVM. The JavaCPP
 * settings come from the executor's JVM options ({@code spark.executor.extraJavaOptions}: maxPhysicalBytes, cachedir).
 */
final class ExecutorSide {
    private static SessionCellTrainer trainer;

    private ExecutorSide() {
    }

    /** The trainer of this JVM (its dataset cache shared by the tasks it runs), after the native set-up. */
    static synchronized SessionCellTrainer trainer() {
        if (trainer == null) {
            ProcessSetup.startNative(1); // once per JVM; a no-op but for the thread count where main prepared already
            trainer = SessionCellTrainer.forJobs(taskSlots());
        }
        return trainer;
    }

    /** Tasks this executor runs at once, which share its native memory bound. */
    private static int taskSlots() {
        int cores = Runtime.getRuntime().availableProcessors();
        SparkEnv env = SparkEnv.get();
        if (env == null) {
            return cores;
        }
        int executorCores = env.conf().getInt("spark.executor.cores", cores);
        return Math.max(1, executorCores / Math.max(1, env.conf().getInt("spark.task.cpus", 1)));
    }
}
