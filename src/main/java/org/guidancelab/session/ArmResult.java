package org.guidancelab.session;

import java.util.Map;
import org.guidancelab.engine.train.RunStatus;

/**
 * How one arm of a session ended.
 *
 * @param arm             the arm's name
 * @param status          finished, stopped, failed; running when the run ended without the arm ending (a setup or
 *                        recording failure)
 * @param step            the last task step it recorded (0 before any)
 * @param message         why it failed ("" otherwise)
 * @param last            the metrics of its last evaluation (task step with validation metrics); empty before one
 * @param meanPairCka     mean target-guide CKA over the resolved pairs in its last heatmap (NaN without one)
 * @param bestValAccuracy the highest validation accuracy of its evaluations (NaN without one)
 * @param bestValLoss     the lowest validation loss of its evaluations (NaN without one)
 */
public record ArmResult(String arm, RunStatus status, int step, String message, Map<String, Double> last,
                        double meanPairCka, double bestValAccuracy, double bestValLoss) {
    public ArmResult {
        message = message == null ? "" : message;
        last = Map.copyOf(last);
    }

    /** A metric of the last evaluation, NaN when it was not recorded. */
    public double last(String metric) {
        Double v = last.get(metric);
        return v == null ? Double.NaN : v;
    }
}
