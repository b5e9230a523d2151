package org.guidancelab.sweep;

/**
 * How to run a sweep on a cluster.
 *
 * @param master       the cluster's master URL (Spark: {@code local[2]}, {@code spark://host:7077}, ...); empty when the
 *                     launcher set it (spark-submit's {@code --master})
 * @param appName      the name the cluster shows for the sweep
 * @param sharedFolder the sweep folder is on storage every worker sees at the same path (NFS, a shared disk): tasks
 *                     write their cells there directly, checkpoints included; otherwise each task trains in a scratch
 *                     folder and ships the finished run folder back to the driver, which writes it
 * @param jobs         cells in flight at once; 0 for the cluster's default parallelism
 */
public record ClusterOptions(String master, String appName, boolean sharedFolder, int jobs) {
    public ClusterOptions {
        master = master == null ? "" : master.trim();
    }
}
