package io.jenkins.plugins.cd4ml.deploy;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules for environment names and target settings, shared by the environments file and the
 * declarations of Jenkins' global configuration, so both accept exactly the same environments.
 * Problems never echo role ARNs.
 */
final class SettingRules {
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    static final String ROLE_ARN_EXPECTED = "an IAM role ARN (arn:aws:iam::123456789012:role/NAME)";
    /** Settings that are paths, resolved against the declaration's base directory. */
    static final Set<String> PATH_SETTINGS = Set.of("stateDir", "probeFile");

    private SettingRules() {
    }

    /**
     * @param type a target type
     * @return the settings it accepts, sorted
     */
    static Set<String> allowed(TargetType type) {
        Set<String> allowed = new TreeSet<>(type.required());
        allowed.addAll(type.optional());
        return allowed;
    }

    /**
     * @param what what is named ({@code name}, {@code alias})
     * @param value the name
     * @return the problem, if any
     */
    static Optional<String> name(String what, String value) {
        return NAME.matcher(value).matches() ? Optional.empty() : Optional.of("'" + what + "' must start with a letter"
                + " and have at most 32 letters, digits, '-' or '_', got '" + value + "'");
    }

    /**
     * @param key a setting
     * @param text its value
     * @return the problem with the value, if any
     */
    static Optional<String> setting(String key, String text) {
        return switch (key) {
            case "port" -> integer(text, key, 0, 65535);
            case "probeRequests" -> integer(text, key, 1, 10_000);
            case "probeIntervalSeconds", "pollSeconds" -> integer(text, key, 1, 3600);
            case "instanceCount" -> integer(text, key, 1, 100);
            case "maxWaitSeconds" -> integer(text, key, 1, 86_400);
            case "maxErrorRate" -> fraction(text, key);
            case "executionRoleArn" -> ROLE_ARN.matcher(text).matches() ? Optional.empty()
                    : Optional.of("'executionRoleArn' must be " + ROLE_ARN_EXPECTED);
            case "endpointUrl", "stsEndpointUrl", "apiServerUrl" -> httpUrl(text, key);
            default -> text.isBlank() ? Optional.of("'" + key + "' must not be empty") : Optional.empty();
        };
    }

    private static Optional<String> integer(String text, String key, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of("'" + key + "' must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    private static Optional<String> fraction(String text, String key) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 1) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of("'" + key + "' must be a number from 0 to 1, got '" + text + "'");
    }

    private static Optional<String> httpUrl(String text, String key) {
        try {
            java.net.URI uri = new java.net.URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return Optional.empty();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        return Optional.of("'" + key + "' must be an http:// or https:// URL with a host and no user info, got '"
                + text + "'");
    }
}
