package org.guidancelab.engine.model.samediff;

import java.util.List;

/**
 * A place in the graph where dropout applies: a mask placeholder of shape [n, ...exampleShape] fed by the model
 * (Bernoulli keep / (1 - rate) in training, ones in eval). Masks drawn in Java from a seeded generator keep
 * dropout reproducible and let backward() replay exactly the masks of the forward pass.
 */
record DropoutSite(String placeholder, double rate, List<Integer> exampleShape) {
    DropoutSite {
        exampleShape = List.copyOf(exampleShape);
    }
}
