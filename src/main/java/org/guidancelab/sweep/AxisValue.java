package org.guidancelab.sweep;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value of an axis: its label in cell ids and summary.csv ("50", "0.001", "relu", or the file's label), the value
 * as the setting stores it, the number (NaN for a value that is not one) and where the file gives it.
 */
public record AxisValue(String label, JsonNode value, double number, String jsonPath) {
    public boolean numeric() {
        return !Double.isNaN(number);
    }
}
