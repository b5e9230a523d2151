package org.guidancelab.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A network: a name and a chain of layers, the first an {@link Layers.Input}, the last usually an
 * {@link Layers.Output}. Immutable; the editing methods return new specs.
 */
public record NetworkSpec(String name, List<LayerSpec> layers) {
    public NetworkSpec {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
    }

    public LayerSpec layer(int index) {
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }

    /** Index of the layer called {@code layerName}, or -1. */
    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layerName)) {
                return i;
            }
        }
        return -1;
    }

    /** Names of the tapped layers, in order (top-level layers only: a Residual is tapped as a whole). */
    public List<String> tapNames() {
        List<String> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            if (l.tap()) {
                out.add(l.name());
            }
        }
        return out;
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, layers);
    }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(name, newLayers);
    }

    public NetworkSpec inserted(int index, LayerSpec layer) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.add(index, layer);
        return withLayers(l);
    }

    public NetworkSpec removed(int index) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.remove(index);
        return withLayers(l);
    }

    public NetworkSpec replaced(int index, LayerSpec layer) {
        List<LayerSpec> l = new ArrayList<>(layers);
        l.set(index, layer);
        return withLayers(l);
    }

    public NetworkSpec moved(int from, int to) {
        List<LayerSpec> l = new ArrayList<>(layers);
        LayerSpec x = l.remove(from);
        l.add(Math.min(to, l.size()), x);
        return withLayers(l);
    }
}
