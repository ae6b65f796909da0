package io.jenkins.plugins.cd4ml.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic names for what deployments create. Names satisfy both SageMaker
 * ({@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}) and Kubernetes DNS-1035 labels: lower case, digits
 * and single hyphens, at most 63 characters, starting with a letter. A short hash of the exact
 * inputs keeps names unique when sanitizing or truncating folds two inputs together.
 */
public final class ResourceNames {
    private static final int MAX = 63;
    private static final int HASH = 8;

    private ResourceNames() {
    }

    /**
     * @param model the model
     * @param version the version
     * @param environment the environment
     * @return the name for resources of one version in one environment
     */
    public static String forVersion(String model, String version, String environment) {
        return name(model + "-v" + version + "-" + environment, model, version, environment);
    }

    /**
     * @param model the model
     * @param environment the environment
     * @return the name for the model's endpoint or service in one environment
     */
    public static String forService(String model, String environment) {
        return name(model + "-" + environment, model, environment);
    }

    /**
     * @param model the model
     * @param version the version
     * @param environment the environment
     * @return the id of a deployment (the same for a retry or a resume)
     */
    public static String deploymentId(String model, String version, String environment) {
        return forVersion(model, version, environment);
    }

    private static String name(String readable, String... parts) {
        String hash = hash(String.join("\u0000", parts));
        String base = readable.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "m-" + base;
        }
        int room = MAX - HASH - 1;
        if (base.length() > room) {
            base = base.substring(0, room).replaceAll("-+$", "");
        }
        return base + "-" + hash;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
