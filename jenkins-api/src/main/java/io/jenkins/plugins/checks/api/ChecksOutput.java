package io.jenkins.plugins.checks.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Stub of checks-api's {@code io.jenkins.plugins.checks.api.ChecksOutput}. Like the real class it
 * is a plain value built by {@link ChecksOutputBuilder}, so unit tests can inspect what a plugin
 * builds (the real one keeps summary and text as {@code TruncatedString}s; the getters return the
 * same text).
 */
public class ChecksOutput {
    @CheckForNull
    private final String title;
    @CheckForNull
    private final String summary;
    @CheckForNull
    private final String text;

    private ChecksOutput(@CheckForNull final String title, @CheckForNull final String summary,
                         @CheckForNull final String text) {
        this.title = title;
        this.summary = summary;
        this.text = text;
    }

    /**
     * Copy constructor of the {@link ChecksOutput}.
     *
     * @param that
     *         the source to copy from
     */
    public ChecksOutput(final ChecksOutput that) {
        this(that.title, that.summary, that.text);
    }

    public Optional<String> getTitle() {
        return Optional.ofNullable(title);
    }

    public Optional<String> getSummary() {
        return Optional.ofNullable(summary);
    }

    public Optional<String> getText() {
        return Optional.ofNullable(text);
    }

    /** Builder for {@link ChecksOutput}. */
    public static class ChecksOutputBuilder {
        @CheckForNull
        private String title;
        @CheckForNull
        private String summary;
        @CheckForNull
        private String text;

        /** Construct a builder for a {@link ChecksOutput}. */
        public ChecksOutputBuilder() {
        }

        public ChecksOutputBuilder withTitle(final String title) {
            this.title = requireNonNull(title);
            return this;
        }

        public ChecksOutputBuilder withSummary(final String summary) {
            this.summary = requireNonNull(summary);
            return this;
        }

        public ChecksOutputBuilder withText(final String text) {
            this.text = requireNonNull(text);
            return this;
        }

        public ChecksOutput build() {
            return new ChecksOutput(title, summary, text);
        }
    }
}
