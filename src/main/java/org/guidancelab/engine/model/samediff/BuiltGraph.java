package org.guidancelab.engine.model.samediff;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The SameDiff graph of one network, built once, and what the model needs to drive it: placeholder and output
 * names, the parameter layout, dropout and BatchNorm sites, and what token inputs must satisfy.
 *
 * @param tapOutputs      tapped layer name -> graph output [n, features], in network order
 * @param tapGradients    tapped layer name -> placeholder for the upstream gradient of that tap
 * @param tokenIdLimit    token ids must lie in [0, tokenIdLimit); 0 when the input is real-valued
 */
record BuiltGraph(SameDiff sd, ParamLayout params, List<DropoutSite> dropoutSites, List<BatchNormSite> batchNormSites,
                  long stateSize, Map<String, String> tapOutputs, Map<String, String> tapGradients,
                  List<Integer> inputShape, int tokenIdLimit, String inputLabel) {
    static final String INPUT = "input";
    static final String LOGITS = "logits";
    static final String LOGITS_GRADIENT = "dLogits";
    static final String SURROGATE = "surrogate";
}
