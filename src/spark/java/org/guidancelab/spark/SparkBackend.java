package org.guidancelab.spark;

import java.io.IOException;
import org.guidancelab.sweep.ClusterBackend;
import org.guidancelab.sweep.ClusterConnection;
import org.guidancelab.sweep.ClusterOptions;

/** Apache Spark as the sweep package's {@link ClusterBackend} (registered in META-INF/services of the thin jar). */
public final class SparkBackend implements ClusterBackend {
    @Override
    public String checkMaster(String master) {
        return MasterUrl.problem(master);
    }

    @Override
    public ClusterConnection connect(ClusterOptions options) throws IOException {
        String problem = MasterUrl.problem(options.master());
        if (problem != null) {
            throw new IOException(problem);
        }
        return SparkConnection.start(options);
    }
}
