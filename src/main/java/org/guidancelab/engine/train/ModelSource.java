package org.guidancelab.engine.train;

import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;

/** How the trainer builds networks; ModelFactory by default, replaceable in tests and benchmarks. */
@FunctionalInterface
public interface ModelSource {
    Model create(NetworkSpec spec, long seed);

    /**
     * A network that will only run forward in eval mode (a guide this arm does not train). Defaults to
     * {@link #create}; the standard source gives the forward-only fast path where it fits.
     */
    default Model createFrozen(NetworkSpec spec, long seed) {
        return create(spec, seed);
    }

    static ModelSource standard() {
        return new ModelSource() {
            @Override
            public Model create(NetworkSpec spec, long seed) {
                return ModelFactory.create(spec, seed);
            }

            @Override
            public Model createFrozen(NetworkSpec spec, long seed) {
                return ModelFactory.createFrozen(spec, seed);
            }
        };
    }
}
