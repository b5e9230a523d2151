package org.guidancelab.ui.model;

import java.util.Objects;
import org.guidancelab.arch.NetworkSpec;

/** An entry of the architecture library: a network to drag onto a lane. */
public record ArchitectureCard(String id, String title, String description, NetworkSpec network) {
    public ArchitectureCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(network, "network");
        title = title == null || title.isEmpty() ? network.name() : title;
        description = description == null ? "" : description;
    }
}
