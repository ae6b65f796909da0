package io.jenkins.plugins.cd4ml.steps.checks;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;

/**
 * Publishes cd4ml check runs through the Checks API ({@code checks-api}, an optional dependency),
 * which hands them to whichever platform publisher is installed (GitHub, GitLab, …; none: the
 * Checks API logs that and drops them).
 *
 * <p>The only class that refers to {@code checks-api}. {@code optional = true}: without the
 * plugin, Jenkins cannot resolve this class's method signatures ({@link #details} names
 * {@code ChecksDetails}) and skips the extension quietly, so {@link CheckPublisher}'s list is empty.
 * Nothing else in the plugin names this class (an architecture test and the .hpi test check that).
 */
@Extension(optional = true)
public class ChecksApiPublisher implements CheckPublisher {
    private final JenkinsFacade jenkins;

    /** Used by Jenkins. */
    public ChecksApiPublisher() {
        this(new JenkinsFacade());
    }

    ChecksApiPublisher(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    @Override
    public void publish(@NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull CheckRun check) {
        ChecksPublisherFactory.fromRun(run, listener).publish(details(check, detailsUrl(run.getUrl())));
    }

    /**
     * @param runUrl the build's URL relative to Jenkins' root, e.g. {@code job/credit-risk/7/}
     * @return the build's ML report page, when Jenkins knows its own URL (the platforms require
     *     an absolute http(s) URL; without one they link the build)
     */
    @CheckForNull String detailsUrl(String runUrl) {
        String root = jenkins.getRootUrl();
        if (root == null || !root.matches("(?i)https?://.+")) {
            return null;
        }
        return (root.endsWith("/") ? root : root + "/") + runUrl + "cd4ml/";
    }

    /**
     * @param check the check run
     * @param detailsUrl the report page, or {@code null}
     * @return a completed check with the run's conclusion and output
     */
    static ChecksDetails details(CheckRun check, @CheckForNull String detailsUrl) {
        ChecksOutput output = new ChecksOutput.ChecksOutputBuilder()
                .withTitle(check.title())
                .withSummary(check.summary())
                .withText(check.text())
                .build();
        ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder()
                .withName(check.name())
                .withStatus(ChecksStatus.COMPLETED)
                .withConclusion(conclusion(check.conclusion()))
                .withOutput(output);
        if (detailsUrl != null) {
            details.withDetailsURL(detailsUrl);
        }
        return details.build();
    }

    static ChecksConclusion conclusion(CheckConclusion conclusion) {
        return switch (conclusion) {
            case SUCCESS -> ChecksConclusion.SUCCESS;
            case NEUTRAL -> ChecksConclusion.NEUTRAL;
            case FAILURE -> ChecksConclusion.FAILURE;
        };
    }
}
