package io.jenkins.plugins.cd4ml.steps.checks;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What goes to the Checks API, and that publishing never fails a step. */
class ChecksApiPublisherTest {
    private static final CheckRun CHECK = new CheckRun("cd4ml / quality gate: credit-risk", CheckConclusion.NEUTRAL,
            "Verdict: PASSED (1 passed, 0 failed, 0 unstable), 1 without baseline", "## summary\n", "| table |\n");

    /** The publishers under test never touch the build (Run cannot be made without Jenkins). */
    private static final Run<?, ?> NO_RUN = null;

    @Test
    void publishesACompletedCheckWithTheRunsOutput() {
        ChecksDetails details = ChecksApiPublisher.details(CHECK, "https://ci.example.com/job/a/1/cd4ml/");

        assertThat(details.getName()).contains(CHECK.name());
        assertThat(details.getStatus()).isEqualTo(ChecksStatus.COMPLETED);
        assertThat(details.getConclusion()).isEqualTo(ChecksConclusion.NEUTRAL);
        assertThat(details.getDetailsURL()).contains("https://ci.example.com/job/a/1/cd4ml/");
        assertThat(details.getOutput()).hasValueSatisfying(output -> {
            assertThat(output.getTitle()).contains(CHECK.title());
            assertThat(output.getSummary()).contains(CHECK.summary());
            assertThat(output.getText()).contains(CHECK.text());
        });
        assertThat(ChecksApiPublisher.details(CHECK, null).getDetailsURL()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CheckConclusion.class)
    void usesOnlySuccessNeutralAndFailureNeverActionRequired(CheckConclusion conclusion) {
        ChecksConclusion mapped = ChecksApiPublisher.conclusion(conclusion);

        assertThat(mapped.name()).isEqualTo(conclusion.name());
        assertThat(mapped).isIn(ChecksConclusion.SUCCESS, ChecksConclusion.NEUTRAL, ChecksConclusion.FAILURE);
    }

    @Test
    void linksTheReportPageOnlyWhenJenkinsKnowsAnHttpUrl() {
        String run = "job/credit-risk/7/";
        assertThat(new ChecksApiPublisher(facade("https://ci.example.com")).detailsUrl(run))
                .isEqualTo("https://ci.example.com/job/credit-risk/7/cd4ml/");
        assertThat(new ChecksApiPublisher(facade("http://ci/")).detailsUrl(run)).isEqualTo("http://ci/job/credit-risk/7/cd4ml/");
        assertThat(new ChecksApiPublisher(facade(null)).detailsUrl(run)).isNull();
        assertThat(new ChecksApiPublisher(facade("javascript:alert(1)//")).detailsUrl(run)).isNull();
    }

    @Test
    void aFailingPublisherIsLoggedAndTheOthersStillPublish() {
        List<CheckRun> published = new ArrayList<>();
        CheckPublisher broken = (run, listener, check) -> {
            throw new NoClassDefFoundError("io/jenkins/plugins/checks/api/ChecksDetails");
        };
        CheckPublisher working = (run, listener, check) -> published.add(check);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TaskListener listener = () -> new PrintStream(log, true, StandardCharsets.UTF_8);

        int count = CheckPublisher.publishToAll(extensions(List.of(broken, working)), NO_RUN, listener, CHECK);

        assertThat(count).isEqualTo(1);
        assertThat(published).containsExactly(CHECK);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("could not publish the check '" + CHECK.name())
                .contains("NoClassDefFoundError");
    }

    @Test
    void withoutTheChecksApiPluginNothingIsPublished() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TaskListener listener = () -> new PrintStream(log, true, StandardCharsets.UTF_8);

        assertThat(CheckPublisher.publishToAll(extensions(List.of()), NO_RUN, listener, CHECK)).isZero();
        assertThat(log.size()).isZero();
    }

    private static JenkinsFacade facade(String rootUrl) {
        return new JenkinsFacade() {
            @Override
            public String getRootUrl() {
                return rootUrl;
            }
        };
    }

    private static JenkinsFacade extensions(List<CheckPublisher> publishers) {
        return new JenkinsFacade() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> getExtensionList(Class<T> type) {
                assertThat(type).isEqualTo(CheckPublisher.class);
                return (List<T>) publishers;
            }
        };
    }
}
