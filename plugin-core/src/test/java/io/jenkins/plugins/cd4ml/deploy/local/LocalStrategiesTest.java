package io.jenkins.plugins.cd4ml.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.deploy.ApprovalStatus;
import io.jenkins.plugins.cd4ml.deploy.DeployableVersion;
import io.jenkins.plugins.cd4ml.deploy.DeploymentEngine;
import io.jenkins.plugins.cd4ml.deploy.DeploymentEvent;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRequest;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.InMemoryDeployableVersions;
import io.jenkins.plugins.cd4ml.deploy.InMemoryDeploymentStore;
import io.jenkins.plugins.cd4ml.deploy.InProcessDeploymentLocks;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.deploy.strategy.BlueGreen;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.deploy.strategy.Shadow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local behaviour beyond the contract: shadow comparison, blue/green, restart from saved state. */
class LocalStrategiesTest {
    private static final String MODEL = "credit-risk";

    @TempDir
    Path directory;

    private final InMemoryDeployableVersions versions = new InMemoryDeployableVersions();
    private final List<Duration> sleeps = new ArrayList<>();
    private LocalServing serving = new LocalServing();
    private final Environment staging = new Environment("staging", new TargetSpec(TargetType.LOCAL,
            Map.of("probeRequests", "10", "probeIntervalSeconds", "30")), false, "staging", null);

    @AfterEach
    void stop() {
        serving.close();
    }

    private DeploymentRecord deploy(String version, double intercept, String... features) throws Exception {
        return deploy(version, intercept, AllAtOnce.immediately(), features);
    }

    private DeploymentRecord deploy(String version, double intercept, DeploymentStrategy strategy, String... features)
            throws Exception {
        Path artifact = Files.createDirectories(directory.resolve("models").resolve(version));
        Files.writeString(artifact.resolve("model.json"), LocalModels.linear(features).replace("-0.25",
                Double.toString(intercept)));
        versions.put(new DeployableVersion(MODEL, version, ApprovalStatus.APPROVED, artifact.toString()));
        DeploymentEngine engine = new DeploymentEngine(versions,
                environment -> new LocalTarget(environment, serving, directory.resolve("state")),
                new InMemoryDeploymentStore(), new InProcessDeploymentLocks(), Clock.systemUTC(), sleeps::add);
        return engine.deploy(new DeploymentRequest(staging, MODEL, version, strategy, null, "test"), event -> { });
    }

    @Test
    void shadowThatAgreesIsPromotedAndOneThatDisagreesIsRolledBack() throws Exception {
        deploy("1", -0.25, "income", "debt_ratio");

        DeploymentRecord agreeing = deploy("2", -0.5, new Shadow(100, 0, 0.95, List.of()), "income", "debt_ratio");
        assertThat(agreeing.outcome()).as(agreeing.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(agreeing.events()).extracting(DeploymentEvent::message)
                .anyMatch(message -> message.contains("10 of 10 predictions agree (1.00"));

        // the same features but an intercept that flips every label
        DeploymentRecord disagreeing = deploy("3", -5, new Shadow(50, 0, 0.95, List.of()), "income", "debt_ratio");
        assertThat(disagreeing.outcome()).isEqualTo(DeploymentOutcome.ROLLED_BACK);
        // about half of the 10 probe requests are mirrored; none of the compared labels agree
        assertThat(disagreeing.reason()).containsPattern("shadow: [3-7] mirrored, 0 errors, 0 of [3-7] predictions "
                + "agree \\(0\\.00, minimum 0\\.95\\)");
        assertThat(disagreeing.serving().servesOnly("2")).isTrue();
    }

    @Test
    void blueGreenBakesWithTheOldVersionWarmAndSwitchesBackOnAnAlarm() throws Exception {
        deploy("1", -0.25, "income", "debt_ratio");

        DeploymentRecord record = deploy("2", -0.25, new BlueGreen(60, List.of("errors")), "income", "age");

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.ROLLED_BACK);
        assertThat(record.events()).extracting(DeploymentEvent::message).contains("traffic: version 2 100 %",
                "traffic: version 1 100 %");
        assertThat(sleeps).contains(Duration.ofSeconds(30));
    }

    @Test
    void allAtOnceWithAnAlarmRestartsTheStoppedVersion() throws Exception {
        deploy("1", -0.25, "income", "debt_ratio");

        DeploymentRecord record = deploy("2", -0.25, new AllAtOnce(0, List.of("errors")), "income", "age");

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.ROLLED_BACK);
        assertThat(record.events()).extracting(DeploymentEvent::message).contains("version 1 stopped");
        assertThat(record.serving().servesOnly("1")).isTrue();
    }

    @Test
    void allAtOnceWithoutAlarmsCannotRollBackAndIsReadBackAsFailed() throws Exception {
        deploy("1", -0.25, "income", "debt_ratio");

        DeploymentRecord record = deploy("2", -0.25, "income", "age");

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.FAILED);
        assertThat(record.reason()).contains("version 2 answers predictions with HTTP 400");
    }

    @Test
    void aNewProcessBringsBackWhatServedFromTheStateFile() throws Exception {
        deploy("1", -0.25, "income", "debt_ratio");
        serving.close();
        serving = new LocalServing();

        LocalTarget target = new LocalTarget(staging, serving, directory.resolve("state"));
        assertThat(target.observe(MODEL).servesOnly("1")).isTrue();
        DeploymentRecord record = deploy("2", -0.25, "income", "debt_ratio");
        assertThat(record.previousVersion()).isEqualTo("1");
        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
    }
}
