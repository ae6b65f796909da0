package io.jenkins.plugins.checks.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Stub of checks-api's {@code io.jenkins.plugins.checks.api.ChecksDetails}. Like the real class it
 * is a plain value built by {@link ChecksDetailsBuilder} (status and conclusion default to
 * {@code NONE}), so unit tests can inspect what a plugin builds.
 */
public class ChecksDetails {
    @CheckForNull
    private final String name;
    @CheckForNull
    private final String detailsURL;
    @CheckForNull
    private final ChecksOutput output;

    private final ChecksStatus status;
    private final ChecksConclusion conclusion;

    private ChecksDetails(@CheckForNull final String name, final ChecksStatus status,
                          @CheckForNull final String detailsURL, final ChecksConclusion conclusion,
                          @CheckForNull final ChecksOutput output) {
        this.name = name;
        this.status = status;
        this.detailsURL = detailsURL;
        this.conclusion = conclusion;
        this.output = output;
    }

    public Optional<String> getName() {
        return Optional.ofNullable(name);
    }

    public ChecksStatus getStatus() {
        return status;
    }

    public Optional<String> getDetailsURL() {
        return Optional.ofNullable(detailsURL);
    }

    public ChecksConclusion getConclusion() {
        return conclusion;
    }

    public Optional<ChecksOutput> getOutput() {
        return Optional.ofNullable(output);
    }

    /** Builder for {@link ChecksDetails}. */
    public static class ChecksDetailsBuilder {
        @CheckForNull
        private String name;
        @CheckForNull
        private String detailsURL;
        @CheckForNull
        private ChecksOutput output;

        private ChecksStatus status;
        private ChecksConclusion conclusion;

        /** Construct a builder for {@link ChecksDetails}. */
        public ChecksDetailsBuilder() {
            this.status = ChecksStatus.NONE;
            this.conclusion = ChecksConclusion.NONE;
        }

        public ChecksDetailsBuilder withName(final String name) {
            this.name = requireNonNull(name);
            return this;
        }

        public ChecksDetailsBuilder withStatus(final ChecksStatus status) {
            this.status = requireNonNull(status);
            return this;
        }

        public ChecksDetailsBuilder withDetailsURL(final String detailsURL) {
            this.detailsURL = requireNonNull(detailsURL);
            return this;
        }

        public ChecksDetailsBuilder withConclusion(final ChecksConclusion conclusion) {
            this.conclusion = requireNonNull(conclusion);
            return this;
        }

        public ChecksDetailsBuilder withOutput(final ChecksOutput output) {
            this.output = new ChecksOutput(requireNonNull(output));
            return this;
        }

        public ChecksDetails build() {
            return new ChecksDetails(name, status, detailsURL, conclusion, output);
        }
    }
}
