package org.guidancelab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.experiment.DatasetSpec;
import org.junit.jupiter.api.Test;

class DataSourceTest {

    @Test
    void aCachedSourceLoadsEachDatasetOnceKeepingTheOnesUsedLast() throws Exception {
        List<String> loads = new ArrayList<>();
        DataSource counting = d -> {
            loads.add(d.name());
            return TinyExperiments.clusters(1, 8, 4);
        };
        DataSource cached = DataSource.cached(counting, 2);
        DatasetSpec a = new DatasetSpec("a", Map.of("seed", 1));
        DatasetSpec b = new DatasetSpec("b", Map.of());
        DatasetSpec c = new DatasetSpec("c", Map.of());
        assertSame(cached.load(a), cached.load(new DatasetSpec("a", Map.of("seed", 1))), "equal specs share the data");
        cached.load(b);
        cached.load(a); // a used last: b is the one to go
        cached.load(c);
        cached.load(a);
        cached.load(b);
        assertEquals(List.of("a", "b", "c", "b"), loads);
    }
}
