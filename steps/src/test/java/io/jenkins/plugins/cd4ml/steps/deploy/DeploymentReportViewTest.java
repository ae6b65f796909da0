package io.jenkins.plugins.cd4ml.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.deploy.DeploymentEvent;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentsFile;
import io.jenkins.plugins.cd4ml.deploy.InProcessDeploymentLocks;
import io.jenkins.plugins.cd4ml.deploy.local.LocalServing;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.steps.checks.CheckConclusion;
import io.jenkins.plugins.cd4ml.steps.checks.CheckRun;
import io.jenkins.plugins.cd4ml.steps.ui.MlReport;
import io.jenkins.plugins.cd4ml.steps.ui.ReportSection;
import io.jenkins.plugins.cd4ml.steps.ui.Status;
import io.jenkins.plugins.cd4ml.steps.ui.TimelineEvent;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment timeline end to end: a real deployment (embedded registry, local target) is
 * recorded as {@code deployModel} records it, and the report page's view model shows it.
 */
class DeploymentReportViewTest {
    @TempDir
    Path home;

    private LocalServing serving;
    private ControllerDeployer deployer;
    private Environments environments;

    @BeforeEach
    void createDeployer() throws Exception {
        serving = new LocalServing();
        deployer = new ControllerDeployer(home.resolve("registry"), home.resolve("deployments"), serving,
                new InProcessDeploymentLocks(), Clock.systemUTC(), duration -> { });
        environments = EnvironmentsFile.parse("environments.yaml", home,
                new StringReader("environments:\n  - name: dev\n    target: {type: local}\n"));
        Path model = Files.writeString(home.resolve("model.json"), "{\"format\": \"cd4ml-linear-model\","
                + " \"formatVersion\": 1, \"intercept\": -0.25, \"coefficients\": {\"income\": 0.5}, \"threshold\": 0.5}");
        try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(home.resolve("registry"))) {
            registry.register(Registration.builder("credit-risk").artifact("model/model.json", model)
                    .registeredBy("alice").build());
        }
    }

    @AfterEach
    void stopServing() {
        serving.close();
    }

    private DeploymentRecord deploy() throws Exception {
        DeploymentOrder order = new DeployModelStep.Order("credit-risk", "1", "dev", AllAtOnce.immediately(),
                Duration.ofSeconds(5));
        return deployer.deploy(order.resolve(deployer, environments, "job #1"), "job#1", line -> { }, event -> { });
    }

    private static ReportSection view(DeploymentRecord record, String url) throws Exception {
        String section = DeploymentReports.section(record.environment());
        return MlReport.of(Map.of(section, DeploymentReports.json(record, url))).getSections().get(0);
    }

    @Test
    void theReportPageShowsTheTimelineOfARealDeployment() throws Exception {
        DeploymentRecord record = deploy();
        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);

        ReportSection section = view(record, "http://127.0.0.1:1234/");

        assertThat(section.getKind()).isEqualTo("deployment");
        assertThat(section.getTitle()).isEqualTo("Deployment: dev");
        assertThat(section.getVerdict()).isEqualTo(Status.PASSED);
        assertThat(section.getDeployments()).hasSize(record.events().size());
        for (int i = 0; i < record.events().size(); i++) {
            DeploymentEvent event = record.events().get(i);
            TimelineEvent shown = section.getDeployments().get(i);
            assertThat(shown.getTime()).isEqualTo(event.at().toString());
            assertThat(shown.getEvent()).isEqualTo(event.phase());
            assertThat(shown.getMessage()).isEqualTo(event.message());
            assertThat(shown.getEnvironment()).isEqualTo("dev");
            assertThat(shown.getVersion()).isEqualTo("1");
        }
        assertThat(section.getFacts()).extracting(f -> f.getLabel() + "=" + f.getValue())
                .contains("model=credit-risk", "version=1", "outcome=DEPLOYED", "url=http://127.0.0.1:1234/",
                        "serving.status=IN_SERVICE", "serving.traffic=version 1: 100 %", "strategy.type=all-at-once")
                .noneMatch(fact -> fact.startsWith("deployment."));

        CheckRun check = DeploymentReports.check(record, "http://127.0.0.1:1234/");
        assertThat(check.name()).isEqualTo("cd4ml / deployment: dev");
        assertThat(check.conclusion()).isEqualTo(CheckConclusion.SUCCESS);
        assertThat(check.title()).isEqualTo("credit-risk version 1 to dev: DEPLOYED");
        assertThat(check.summary()).contains("- serving: IN\\_SERVICE: version 1 100 % \\(verified\\)");
        assertThat(check.text().lines().filter(l -> l.startsWith("| 20"))).hasSize(record.events().size());
    }

    @Test
    void aRollbackIsShownAsFailedWithItsReason() throws Exception {
        DeploymentRecord deployed = deploy();
        DeploymentRecord rolledBack = deployed.finish(DeploymentOutcome.ROLLED_BACK, "error rate 0.2 above 0.1",
                deployed.serving(), deployed.finishedAt());

        ReportSection section = view(rolledBack, null);

        assertThat(section.getVerdict()).isEqualTo(Status.FAILED);
        assertThat(section.getFacts()).extracting(f -> f.getLabel() + "=" + f.getValue())
                .contains("outcome=ROLLED_BACK", "reason=error rate 0.2 above 0.1");
        assertThat(DeploymentReports.check(rolledBack, null).conclusion()).isEqualTo(CheckConclusion.FAILURE);
    }

    @Test
    void hostileNamesAreEscapedInTheCheckAndKeptVerbatimForTheEscapingViews() throws Exception {
        String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(1)> | [x](javascript:alert(1))";
        DeploymentRecord deployed = deploy();
        DeploymentRecord hostile = new DeploymentRecord(deployed.id(), payload, payload, payload, null,
                deployed.strategy(), deployed.startedAt(), deployed.finishedAt(), DeploymentOutcome.FAILED, payload,
                deployed.serving(), java.util.List.of(new DeploymentEvent(deployed.startedAt(), payload, payload)));

        CheckRun check = DeploymentReports.check(hostile, null);
        for (String markdown : java.util.List.of(check.summary(), check.text())) {
            assertThat(markdown).doesNotContain("<script", "<img", "](javascript:").contains("&lt;script&gt;");
        }
        assertThat(check.text().lines().filter(l -> l.startsWith("| 20")).findFirst().orElseThrow()
                .split("(?<!\\\\)\\|")).as("the payload's | cannot add a column").hasSize(4);

        ReportSection section = view(hostile, null);
        assertThat(DeploymentReports.section(payload)).matches("deployment:[A-Za-z0-9._-]+");
        assertThat(section.getAnchor()).matches("[A-Za-z0-9-]+");
        assertThat(section.getDeployments()).singleElement().satisfies(event -> {
            assertThat(event.getEnvironment()).isEqualTo(payload);
            assertThat(event.getMessage()).isEqualTo(payload);
        });
    }
}
