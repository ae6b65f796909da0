package io.jenkins.plugins.cd4ml.deploy;

import static io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome.DEPLOYED;
import static io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome.FAILED;
import static io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome.ROLLBACK_FAILED;
import static io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome.ROLLED_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outcome follows what is read back, not what the rollout claims. */
class OutcomeClassifierTest {
    private static final ServingState NEW = ServingState.serving("2", true);
    private static final ServingState OLD = ServingState.serving("1", true);

    @Test
    void newVersionVerifiedServingIsDeployedWhateverTheRolloutSaid() {
        assertThat(classify(RolloutResult.rolledBack("alarm x"), NEW).outcome()).isEqualTo(DEPLOYED);
        assertThat(classify(RolloutResult.completed(), NEW).outcome()).isEqualTo(DEPLOYED);
    }

    @Test
    void previousVersionServingAfterARollbackIsRolledBackWithTheReason() {
        OutcomeClassifier.Decision decision = classify(RolloutResult.rolledBack("alarm 'x' fired"), OLD);
        assertThat(decision.outcome()).isEqualTo(ROLLED_BACK);
        assertThat(decision.reason()).startsWith("alarm 'x' fired").contains("version 1 serves again");
    }

    @Test
    void aRolloutThatClaimsSuccessButLeavesTheOldVersionServingFailed() {
        OutcomeClassifier.Decision decision = classify(RolloutResult.completed(), OLD);
        assertThat(decision.outcome()).isEqualTo(FAILED);
        assertThat(decision.reason()).contains("version 1 still serves");
    }

    @Test
    void rollbackThatLeavesNeitherVersionServingFailed() {
        ServingState broken = new ServingState(ServingState.Status.FAILED, Map.of(), false, "rollback failed");
        assertThat(classify(RolloutResult.rolledBack("alarm"), broken).outcome()).isEqualTo(ROLLBACK_FAILED);
        ServingState mixed = new ServingState(ServingState.Status.IN_SERVICE, Map.of("1", 50, "2", 50), true, "");
        assertThat(classify(RolloutResult.rolledBack("alarm"), mixed).outcome()).isEqualTo(ROLLBACK_FAILED);
        ServingState unverified = new ServingState(ServingState.Status.IN_SERVICE, Map.of("1", 100), false, "");
        assertThat(classify(RolloutResult.rolledBack("alarm"), unverified).outcome()).isEqualTo(ROLLBACK_FAILED);
    }

    @Test
    void unverifiedOrUpdatingNewVersionIsNotDeployed() {
        ServingState unverified = new ServingState(ServingState.Status.IN_SERVICE, Map.of("2", 100), false, "");
        assertThat(classify(RolloutResult.completed(), unverified).outcome()).isEqualTo(FAILED);
        ServingState updating = new ServingState(ServingState.Status.UPDATING, Map.of("2", 100), true, "");
        assertThat(classify(RolloutResult.completed(), updating).outcome()).isEqualTo(FAILED);
    }

    @Test
    void firstDeploymentThatRollsBackHasNothingToReturnToAndFailed() {
        assertThat(OutcomeClassifier.classify("2", null, RolloutResult.rolledBack("alarm"), ServingState.absent())
                .outcome()).isEqualTo(FAILED);
    }

    private static OutcomeClassifier.Decision classify(RolloutResult rollout, ServingState after) {
        return OutcomeClassifier.classify("2", "1", rollout, after);
    }
}
