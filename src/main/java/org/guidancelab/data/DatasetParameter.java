package org.guidancelab.data;

/**
 * One parameter a dataset accepts, for documentation, validation and forms in the UI.
 *
 * @param name         the key in the parameter map
 * @param defaultValue the value used when the key is absent; null when there is none (required, or derived from
 *                     other parameters as said in the description)
 * @param description  what it means
 */
public record DatasetParameter(String name, Object defaultValue, String description) {
}
