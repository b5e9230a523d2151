package org.guidancelab.arch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A network: a name and a chain of layers, the first an {@link Layers.Input}, the last usually an
 * {@link Layers.Output}. Immutable; the editing methods return new specs.
 *
 * <p>Or a network trained elsewhere, {@link #imported()} (a guide from a Keras h5 or DL4J zip file): then it has
 * no layers of the lab's own, its taps are the file's layers chosen by name, and the engine reads the file.
 */
public record NetworkSpec(String name, List<LayerSpec> layers, ImportedGuide imported) {
    public NetworkSpec {
        Objects.requireNonNull(name, "name");
        layers = imported != null ? List.of() : List.copyOf(layers);
    }

    /** A network built from the lab's layers. */
    public NetworkSpec(String name, List<LayerSpec> layers) {
        this(name, layers, null);
    }

    /** A network read from a model file (an imported guide). */
    public static NetworkSpec imported(String name, ImportedGuide guide) {
        return new NetworkSpec(name, List.of(), Objects.requireNonNull(guide, "guide"));
    }

    /** Whether this network comes from a model file rather than the lab's layers. */
    public boolean isImported() {
        return imported != null;
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
        if (imported != null) {
            return imported.taps();
        }
        List<String> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            if (l.tap()) {
                out.add(l.name());
            }
        }
        return out;
    }

    public NetworkSpec withName(String newName) {
        return new NetworkSpec(newName, layers, imported);
    }

    /** The same name with the lab's layers (an imported network becomes a built one). */
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
