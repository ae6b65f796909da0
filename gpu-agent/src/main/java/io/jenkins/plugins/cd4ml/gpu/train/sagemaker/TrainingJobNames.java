package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic training job names: the same caller identity and the same spec always give the
 * same name, so a retried create, a lost response or a controller restart finds the job that is
 * already running instead of starting (and paying for) a second one.
 *
 * <p>Shape: {@code <readable identity>-<12 hex digits of SHA-256(identity, request)>}, at most
 * 63 characters, matching SageMaker's {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}}.
 */
public final class TrainingJobNames {
    /** SageMaker's pattern for training job names. */
    public static final Pattern PATTERN = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    private static final int MAX_LENGTH = 63;
    private static final int HASH_LENGTH = 12;

    private TrainingJobNames() {
    }

    /**
     * @param identity who asks, e.g. {@code jobs/train-model#42/baseline} (Jenkins) or a name the CLI user gives
     * @param spec the job
     * @return the job name
     */
    public static String of(String identity, TrainingJobSpec spec) {
        String hash = sha256(identity + "\n" + TrainingJobRequests.fingerprint(spec)).substring(0, HASH_LENGTH);
        String readable = identity.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        int room = MAX_LENGTH - HASH_LENGTH - 1;
        if (readable.length() > room) {
            readable = readable.substring(readable.length() - room).replaceAll("^-+", ""); // keep the build number end
        }
        return readable.isEmpty() ? "cd4ml-" + hash : readable + "-" + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
