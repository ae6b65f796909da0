package io.jenkins.plugins.cd4ml.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.deploy.strategy.Linear;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DeploymentTarget} passes, run through the {@link DeploymentEngine} so the
 * outcome is always the one read back from the target. Subclasses provide the target and artifacts.
 */
public abstract class DeploymentTargetContractTest {
    /** What an artifact does once deployed. */
    protected enum Quality {
        /** Serves and answers. */
        GOOD,
        /** Starts, but trips the rollback alarms once it takes traffic. */
        TRIPS_ALARM,
        /** Never becomes healthy. */
        BROKEN
    }

    protected static final String MODEL = "credit-risk";
    private static final List<String> ALARMS = List.of("credit-risk-5xx");

    private InMemoryDeployableVersions versions;
    private List<DeploymentEvent> log;

    /**
     * @param name the environment's name
     * @param requiresApproval whether it requires approval
     * @return an environment on the target under test
     */
    protected abstract Environment environment(String name, boolean requiresApproval);

    /**
     * @param environment an environment from {@link #environment}
     * @return its target
     */
    protected abstract DeploymentTarget open(Environment environment);

    /**
     * @param version a version
     * @param quality how it behaves
     * @return its artifact URI
     * @throws Exception when it cannot be prepared
     */
    protected abstract String artifact(String version, Quality quality) throws Exception;

    /**
     * Arranges that a version serving now cannot serve again when a rollback wants it back.
     *
     * @param environment the environment
     * @param version the version serving now
     * @throws Exception when it cannot be arranged
     */
    protected abstract void breakRollbackTo(Environment environment, String version) throws Exception;

    /** @return how many model resources the target holds (to check retries create no duplicates), or -1 */
    protected int resourceCount() {
        return -1;
    }

    /** @return what a rollback's reason names on this target: the alarm, or the target's own signal */
    protected String rollbackSignal() {
        return ALARMS.get(0);
    }

    /** @return the sleeper used for bake times (tests do not really wait) */
    protected Sleeper sleeper() {
        return duration -> { };
    }

    /** @return the strategies the target runs besides all-at-once */
    protected boolean supportsLinear() {
        return true;
    }

    @BeforeEach
    void createRegistry() {
        versions = new InMemoryDeployableVersions();
        log = new ArrayList<>();
    }

    protected DeploymentRecord deploy(Environment environment, String version, Quality quality,
            DeploymentStrategy strategy, ApprovalStatus approval) throws Exception {
        versions.put(new DeployableVersion(MODEL, version, approval, artifact(version, quality)));
        DeploymentEngine engine = new DeploymentEngine(versions, this::open, new InMemoryDeploymentStore(),
                new InProcessDeploymentLocks(), Clock.systemUTC(), sleeper());
        return engine.deploy(new DeploymentRequest(environment, MODEL, version, strategy, Duration.ofSeconds(5),
                "contract-test"), log::add);
    }

    private DeploymentRecord deployGood(Environment environment, String version) throws Exception {
        return deploy(environment, version, Quality.GOOD, AllAtOnce.immediately(), ApprovalStatus.APPROVED);
    }

    private ServingState serving(Environment environment) throws Exception {
        try (DeploymentTarget target = open(environment)) {
            return target.observe(MODEL);
        }
    }

    @Test
    void firstDeploymentIsReadBackServingAndMovesTheAlias() throws Exception {
        Environment dev = environment("dev", false);
        assertThat(serving(dev).status()).isEqualTo(ServingState.Status.ABSENT);

        DeploymentRecord record = deployGood(dev, "1");

        // plain assertions: soft assertions' proxies cost seconds per test class on a busy CI machine
        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(record.previousVersion()).isNull();
        assertThat(record.serving().servesOnly("1")).isTrue();
        assertThat(record.events()).extracting(DeploymentEvent::phase).contains("started", "read-back", "finished");
        assertThat(versions.versionOf(MODEL, "dev")).contains("1");
        assertThat(versions.deployments()).hasSize(1);
        assertThat(serving(dev).servesOnly("1")).isTrue();
    }

    @Test
    void canaryOfAGoodVersionIsDeployed() throws Exception {
        Environment staging = environment("staging", false);
        deployGood(staging, "1");

        DeploymentRecord record = deploy(staging, "2", Quality.GOOD, new Canary(10, 60, ALARMS),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(record.previousVersion()).isEqualTo("1");
        assertThat(serving(staging).servesOnly("2")).isTrue();
        assertThat(versions.versionOf(MODEL, "staging")).contains("2");
    }

    @Test
    void canaryThatTripsAnAlarmIsRolledBackAndTheAliasStays() throws Exception {
        Environment staging = environment("staging", false);
        deployGood(staging, "1");

        DeploymentRecord record = deploy(staging, "2", Quality.TRIPS_ALARM, new Canary(20, 60, ALARMS),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.ROLLED_BACK);
        assertThat(record.reason()).contains(rollbackSignal());
        assertThat(record.serving().servesOnly("1")).isTrue();
        assertThat(versions.versionOf(MODEL, "staging")).contains("1");
        assertThat(serving(staging).servesOnly("1")).isTrue();
    }

    @Test
    void rollbackThatCannotBringThePreviousVersionBackIsReported() throws Exception {
        Environment staging = environment("staging", false);
        deployGood(staging, "1");
        breakRollbackTo(staging, "1");

        DeploymentRecord record = deploy(staging, "2", Quality.TRIPS_ALARM, new Canary(20, 60, ALARMS),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.ROLLBACK_FAILED);
        assertThat(record.serving().servesOnly("1")).isFalse();
        assertThat(versions.versionOf(MODEL, "staging")).contains("1");
    }

    @Test
    void versionThatNeverBecomesHealthyFailsAndThePreviousVersionStillServes() throws Exception {
        Environment staging = environment("staging", false);
        deployGood(staging, "1");

        DeploymentRecord record = deploy(staging, "2", Quality.BROKEN, AllAtOnce.immediately(),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).as(record.reason()).isIn(DeploymentOutcome.FAILED, DeploymentOutcome.ROLLED_BACK);
        assertThat(record.reason()).contains("1");
        assertThat(serving(staging).servesOnly("1")).isTrue();
        assertThat(versions.versionOf(MODEL, "staging")).contains("1");
    }

    @Test
    void linearRolloutOfAGoodVersionIsDeployed() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(supportsLinear());
        Environment staging = environment("staging", false);
        deployGood(staging, "1");

        DeploymentRecord record = deploy(staging, "2", Quality.GOOD, new Linear(25, 30, ALARMS),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(serving(staging).servesOnly("2")).isTrue();
    }

    @Test
    void deployingTheServingVersionAgainChangesNothing() throws Exception {
        Environment dev = environment("dev", false);
        deployGood(dev, "1");
        int resources = resourceCount();

        DeploymentRecord again = deployGood(dev, "1");

        assertThat(again.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(again.reason()).contains("already");
        assertThat(resourceCount()).isEqualTo(resources);
    }

    @Test
    void unapprovedVersionIsRefusedWhereApprovalIsRequiredAndNothingChanges() throws Exception {
        Environment production = environment("production", true);
        deployGood(production, "1");

        DeploymentRecord record = deploy(production, "2", Quality.GOOD, AllAtOnce.immediately(),
                ApprovalStatus.PENDING_MANUAL_APPROVAL);

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.REFUSED);
        assertThat(record.reason()).contains("requires an APPROVED version", "PENDING_MANUAL_APPROVAL");
        assertThat(serving(production).servesOnly("1")).isTrue();
        assertThat(versions.versionOf(MODEL, "production")).contains("1");
    }

    @Test
    void timelineIsOrderedAndReadBackIsRecorded() throws Exception {
        Environment dev = environment("dev", false);
        DeploymentRecord record = deployGood(dev, "1");

        assertThat(record.events()).isSortedAccordingTo(
                (a, b) -> a.at().compareTo(b.at()));
        assertThat(log).isEqualTo(record.events());
        assertThat(record.serving().traffic()).isEqualTo(Map.of("1", 100));
    }
}
