package io.jenkins.plugins.cd4ml.steps.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of the global configuration's fields, as plain functions (a problem or nothing) so
 * they are unit-tested without Jenkins; the descriptors' {@code doCheck…} methods wrap them.
 * Problems never echo a value that may be sensitive (role ARNs).
 */
public final class ConfigChecks {
    /** As the environments file: letter first, then letters, digits, - or _, at most 32. */
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    static final int MIN_RESAMPLES = 100;
    static final int MAX_RESAMPLES = 100_000;

    private ConfigChecks() {
    }

    /**
     * @param name a registry's or environment's name
     * @return the problem, if any
     */
    public static Optional<String> name(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("A name is required.");
        }
        return NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("Use a letter first, then letters, digits, - or _ (at most 32 characters).");
    }

    /**
     * @param region an AWS region, e.g. {@code eu-west-1}
     * @return the problem, if any
     */
    public static Optional<String> region(String region) {
        if (region == null || region.isBlank()) {
            return Optional.of("A region is required, e.g. eu-west-1.");
        }
        return REGION.matcher(region.trim()).matches() ? Optional.empty()
                : Optional.of("Not an AWS region name (expected e.g. eu-west-1).");
    }

    /**
     * @param roleArn an IAM role ARN to assume, or empty for none
     * @return the problem, if any (without the value)
     */
    public static Optional<String> roleArn(String roleArn) {
        if (roleArn == null || roleArn.isBlank()) {
            return Optional.empty();
        }
        return ROLE_ARN.matcher(roleArn.trim()).matches() ? Optional.empty()
                : Optional.of("Not an IAM role ARN (expected arn:aws:iam::<12-digit account>:role/<name>).");
    }

    /**
     * @param url an MLflow tracking server URL
     * @return the problem, if any
     */
    public static Optional<String> httpUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("A URL is required, e.g. https://mlflow.example.com.");
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
                return Optional.of("Use an http:// or https:// URL with a host.");
            }
            if (uri.getUserInfo() != null) {
                return Optional.of("Put no user name or password in the URL: select credentials instead.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("Not a URL: " + e.getReason() + ".");
        }
    }

    /**
     * @param directory the embedded registry's directory, empty for the default under JENKINS_HOME
     * @return the problem, if any
     */
    public static Optional<String> directory(String directory) {
        if (directory == null || directory.isBlank()) {
            return Optional.empty();
        }
        if (directory.contains("\0")) {
            return Optional.of("The path contains a NUL character.");
        }
        return java.nio.file.Path.of(directory.trim()).isAbsolute() ? Optional.empty()
                : Optional.of("Use an absolute path on the controller, or leave empty for the default.");
    }

    /**
     * @param resamples the number of bootstrap resamples, as typed
     * @return the problem, if any
     */
    public static Optional<String> bootstrapResamples(String resamples) {
        try {
            int value = Integer.parseInt(resamples == null ? "" : resamples.trim());
            return value >= MIN_RESAMPLES && value <= MAX_RESAMPLES ? Optional.empty()
                    : Optional.of("Use between " + MIN_RESAMPLES + " and " + MAX_RESAMPLES + " resamples.");
        } catch (NumberFormatException e) {
            return Optional.of("A whole number is required.");
        }
    }

    /**
     * @param settings an environment's target settings, one {@code key=value} per line
     * @return the problem, if any
     */
    public static Optional<String> settings(String settings) {
        if (settings == null) {
            return Optional.empty();
        }
        String[] lines = settings.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || !line.substring(0, equals).trim().matches("[A-Za-z][A-Za-z0-9]*")) {
                return Optional.of("Line " + (i + 1) + ": expected key=value with a key of letters and digits.");
            }
        }
        return Optional.empty();
    }

    /**
     * @param settings an environment's target settings, one {@code key=value} per line
     * @param targetType the target type's name ({@code LOCAL}, {@code SAGEMAKER}, {@code KSERVE}); when
     *     unknown only the lines are checked
     * @return the problem, if any: a malformed line, or a setting the target type does not accept,
     *     lacks or has a bad value for, by the rules of the environments file
     */
    public static Optional<String> settings(String settings, String targetType) {
        Optional<String> lines = settings(settings);
        if (lines.isPresent() || settings == null) {
            return lines;
        }
        io.jenkins.plugins.cd4ml.deploy.TargetType type;
        try {
            type = io.jenkins.plugins.cd4ml.deploy.TargetType.valueOf(TargetType.valueOf(
                    targetType == null ? "" : targetType.trim()).name());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            new io.jenkins.plugins.cd4ml.deploy.EnvironmentDeclaration("form", type,
                    DeploymentEnvironment.parseSettings(settings), false, null, null, null)
                    .toEnvironment("form", java.nio.file.Path.of("."));
            return Optional.empty();
        } catch (io.jenkins.plugins.cd4ml.report.InvalidInputException e) {
            return Optional.of(capitalized(e.getProblem()) + ".");
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
