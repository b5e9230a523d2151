package org.guidancelab.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.guidancelab.data.DataFormatException;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.data.TaskData;
import org.guidancelab.experiment.DatasetSpec;

/** Where a session gets the data of its experiment's dataset. */
@FunctionalInterface
public interface DataSource {

    TaskData load(DatasetSpec dataset) throws DataFormatException;

    /** Generates or reads the dataset anew for each run (the app, {@code run}, {@code resume}). */
    static DataSource factory() {
        return d -> DatasetFactory.create(d.name(), d.params());
    }

    /**
     * Loads each dataset once and hands every later run of it the same data, which no run changes: the seeds of one
     * finding, the cells of a sweep. Safe to share between threads.
     */
    static DataSource cached(DataSource source) {
        return cached(source, Integer.MAX_VALUE);
    }

    /** As {@link #cached(DataSource)}, keeping only the {@code keep} datasets used last (a sweep over datasets). */
    static DataSource cached(DataSource source, int keep) {
        Map<DatasetSpec, TaskData> loaded = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<DatasetSpec, TaskData> eldest) {
                return size() > keep;
            }
        };
        return d -> {
            synchronized (loaded) {
                TaskData data = loaded.get(d);
                if (data == null) {
                    data = source.load(d);
                    loaded.put(d, data);
                }
                return data;
            }
        };
    }
}
