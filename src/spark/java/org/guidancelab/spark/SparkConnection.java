package org.guidancelab.spark;

import java.io.IOException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.guidancelab.sweep.CellTrainer;
import org.guidancelab.sweep.ClusterConnection;
import org.guidancelab.sweep.ClusterOptions;
import org.guidancelab.sweep.SweepExecutor;

/**
 * A started Spark context for one sweep. The driver keeps the sweep folder exactly as a local sweep does
 * ({@code SweepRunner} with {@code CellRun}: lock, temporary name, rename when finished, status and summary rewritten
 * as cells end); each cell in flight is one driver thread waiting on a one-task Spark job ({@link SparkCellTrainer}).
 */
final class SparkConnection implements ClusterConnection {
    private final JavaSparkContext sc;
    private final ClusterOptions options;

    private SparkConnection(JavaSparkContext sc, ClusterOptions options) {
        this.sc = sc;
        this.options = options;
    }

    static SparkConnection start(ClusterOptions o) throws IOException {
        SparkConf conf = new SparkConf(); // also reads the spark.* settings spark-submit passes as system properties
        if (!o.master().isEmpty()) {
            conf.setMaster(o.master());
        }
        if (!conf.contains("spark.master")) {
            throw new IOException("no Spark master: name one (--spark local[2], --spark spark://HOST:7077) or run "
                    + "through spark-submit --master");
        }
        conf.setIfMissing("spark.app.name", o.appName());
        // one core per task, one compute thread per core: the cell's numbers then do not depend on the machine's load
        conf.setIfMissing("spark.task.cpus", "1");
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (Exception e) {
            throw new IOException("Spark could not start (master " + conf.get("spark.master") + "): "
                    + Failures.message(e), e);
        }
        return new SparkConnection(sc, o);
    }

    @Override
    public SweepExecutor executor() {
        // --jobs, else the cores registered now (Spark's default parallelism: N in local[N], the executors' cores on a
        // cluster, which grows as they register)
        return new SparkExecutor(options.jobs() > 0 ? options::jobs : sc::defaultParallelism);
    }

    @Override
    public CellTrainer trainer() {
        return trainer(options.sharedFolder());
    }

    /** Either way of writing cells on the same context (a JVM holds one Spark context; the tests try both). */
    CellTrainer trainer(boolean sharedFolder) {
        return new SparkCellTrainer(sc, sharedFolder);
    }

    @Override
    public String describe() {
        return "Spark " + sc.version() + ", master " + sc.master() + ", " + (options.jobs() > 0 ? options.jobs()
                + " cells at once" : "a cell per executor core") + "; " + (options.sharedFolder() ? "tasks write their cells into the shared sweep folder"
                : "tasks ship finished run folders back to this machine");
    }

    @Override
    public void close() {
        sc.stop();
    }
}
