package org.guidancelab.engine.train;

import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.ModelFactory;

/** How the trainer builds networks; ModelFactory by default, replaceable in tests and benchmarks. */
@FunctionalInterface
public interface ModelSource {
    Model create(NetworkSpec spec, long seed);

    static ModelSource standard() {
        return ModelFactory::create;
    }
}
