package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The container images a training job may use, pinned by digest. An empty allowlist allows any
 * image; a non-empty one allows only images written as {@code repository@sha256:<64 hex>} whose
 * digest (and repository, where the entry names one) is listed. Tags are never trusted: they move.
 *
 * @param entries {@code sha256:<hex>} or {@code repository@sha256:<hex>}
 */
public record ImageAllowlist(List<String> entries) implements Serializable {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /** Allows any image. */
    public static final ImageAllowlist ANY = new ImageAllowlist(List.of());

    /** Copies and normalises the entries (lower-case digests). */
    public ImageAllowlist {
        entries = entries == null ? List.of() : entries.stream().map(String::strip).filter(e -> !e.isEmpty())
                .toList();
    }

    /** @return whether images are checked at all */
    public boolean enforced() {
        return !entries.isEmpty();
    }

    /**
     * @return problems with the entries themselves (one per malformed entry)
     */
    public List<String> entryProblems() {
        return entries.stream().filter(e -> !DIGEST.matcher(digestOf(e).toLowerCase(Locale.ROOT)).matches())
                .map(e -> "imageAllowlist: '" + e + "' is not a digest (expected sha256:<64 hex digits> or "
                        + "repository@sha256:<64 hex digits>)")
                .toList();
    }

    /**
     * @param image the training image, e.g. {@code 123.dkr.ecr.us-east-1.amazonaws.com/train@sha256:…}
     * @return why the image is refused, or empty when it is allowed
     */
    public Optional<String> refusal(String image) {
        if (!enforced()) {
            return Optional.empty();
        }
        int at = image.indexOf('@');
        if (at < 0 || !DIGEST.matcher(image.substring(at + 1)).matches()) {
            return Optional.of("image '" + image + "' is not pinned by digest (repository@sha256:…); the image "
                    + "allowlist is enforced, so tags are refused");
        }
        String repository = image.substring(0, at);
        String digest = image.substring(at + 1);
        for (String entry : entries) {
            int entryAt = entry.indexOf('@');
            boolean digestMatches = digestOf(entry).equalsIgnoreCase(digest);
            boolean repositoryMatches = entryAt < 0 || entry.substring(0, entryAt).equals(repository);
            if (digestMatches && repositoryMatches) {
                return Optional.empty();
            }
        }
        return Optional.of("image '" + image + "' is not in the image allowlist (" + entries.size()
                + " digest(s) allowed)");
    }

    private static String digestOf(String entry) {
        int at = entry.indexOf('@');
        return at < 0 ? entry : entry.substring(at + 1);
    }
}
