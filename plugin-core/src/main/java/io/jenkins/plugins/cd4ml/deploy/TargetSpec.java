package io.jenkins.plugins.cd4ml.deploy;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An environment's target: its type ({@code local}, {@code sagemaker}, {@code kserve}) and the
 * type's settings, validated against {@link TargetType} when the environments file is read.
 *
 * @param type the target type
 * @param settings the type's settings (strings, as written)
 */
public record TargetSpec(TargetType type, Map<String, String> settings) implements Serializable {
    /** Copies the settings. */
    public TargetSpec {
        settings = Map.copyOf(new TreeMap<>(settings));
    }

    /**
     * @param key a setting
     * @return its value, if set
     */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * @param key a setting
     * @param defaultValue the value when it is not set
     * @return its value or the default
     */
    public String setting(String key, String defaultValue) {
        return settings.getOrDefault(key, defaultValue);
    }
}
