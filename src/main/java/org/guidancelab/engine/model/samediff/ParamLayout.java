package org.guidancelab.engine.model.samediff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The flat parameter layout. Layer builders register parameters in exactly the order of the shared contract
 * (network order, weights then bias, ...); the registration order <em>is</em> the flat order, so the layout is
 * defined in one place per layer type and cannot drift from the graph.
 */
final class ParamLayout {
    /** One parameter tensor: its SameDiff variable name, shape, offset in the flat vector and initialisation. */
    record Slot(String varName, long[] shape, long offset, long length, ParamInit init) {
    }

    private final SameDiff sd;
    private final DataType dtype;
    private final List<Slot> slots = new ArrayList<>();
    private long total;

    ParamLayout(SameDiff sd, DataType dtype) {
        this.sd = sd;
        this.dtype = dtype;
    }

    /** Creates the SameDiff variable for one parameter tensor and appends it to the layout. */
    SDVariable add(String varName, ParamInit init, long... shape) {
        long length = 1;
        for (long d : shape) {
            length *= d;
        }
        slots.add(new Slot(varName, shape.clone(), total, length, init));
        total += length;
        return sd.var(varName, Nd4j.zeros(dtype, shape));
    }

    List<Slot> slots() {
        return Collections.unmodifiableList(slots);
    }

    long total() {
        return total;
    }

    /** The initial flat parameters, drawn in layout order from one seeded generator. */
    double[] initialValues(long seed) {
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("network has " + total + " parameters, more than one flat array can hold");
        }
        double[] values = new double[(int) total];
        Random rng = new Random(seed);
        for (Slot s : slots) {
            s.init().fill(values, (int) s.offset(), (int) (s.offset() + s.length()), rng);
        }
        return values;
    }
}
