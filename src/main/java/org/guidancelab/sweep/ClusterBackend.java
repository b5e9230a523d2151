package org.guidancelab.sweep;

import java.io.IOException;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A cluster that trains a sweep's cells on other machines (Apache Spark: {@code org.guidancelab.spark} in the thin
 * jar {@code guidance-lab-spark.jar}). Found with {@link ServiceLoader}, so this package, the CLI and the desktop jar
 * compile and run without any cluster library; when none is on the class path, {@link #find()} is empty.
 */
public interface ClusterBackend {
    /** Checks a master URL without connecting: null when it can be used, else why not, in words. */
    String checkMaster(String master);

    /**
     * Connects to the cluster (for Spark: starts its context).
     *
     * @throws IOException when it cannot, with the reason in words
     */
    ClusterConnection connect(ClusterOptions options) throws IOException;

    /** The cluster backend on the class path, if any. */
    static Optional<ClusterBackend> find() {
        return ServiceLoader.load(ClusterBackend.class).findFirst();
    }
}
