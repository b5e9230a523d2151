package org.guidancelab.engine.model.samediff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Connects the flat parameter and gradient vectors to SameDiff's variables. The flat vector is the source of
 * truth (optimizers update it in place); {@link #pushParams} copies it into the variables at the start of each
 * forward pass. Copying (P values, cheap next to the pass itself) rather than aliasing keeps SameDiff's arrays
 * plain contiguous arrays with no offset, the layout every ND4J op is tested with.
 */
final class ParamBinding {
    private final List<ParamLayout.Slot> slots;
    private final List<INDArray> paramViews = new ArrayList<>();
    private final List<INDArray> gradViews = new ArrayList<>();
    private final List<INDArray> variableViews = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    ParamBinding(SameDiff sd, ParamLayout layout, INDArray params, INDArray gradients) {
        this.slots = layout.slots();
        for (ParamLayout.Slot s : slots) {
            paramViews.add(params.get(NDArrayIndex.point(0), NDArrayIndex.interval(s.offset(), s.offset() + s.length())));
            gradViews.add(gradients.get(NDArrayIndex.point(0), NDArrayIndex.interval(s.offset(), s.offset() + s.length())));
            variableViews.add(sd.getVariable(s.varName()).getArr().reshape(s.length()));
            names.add(s.varName());
        }
    }

    List<String> variableNames() {
        return names;
    }

    void pushParams() {
        for (int i = 0; i < slots.size(); i++) {
            variableViews.get(i).assign(paramViews.get(i));
        }
    }

    /** Writes SameDiff's gradients into the flat gradient vector; a parameter without a gradient gets zeros. */
    void pullGradients(Map<String, INDArray> grads) {
        for (int i = 0; i < slots.size(); i++) {
            INDArray g = grads.get(names.get(i));
            if (g == null) {
                gradViews.get(i).assign(0.0);
            } else {
                gradViews.get(i).assign(g.reshape(slots.get(i).length()));
            }
        }
    }
}
