package io.jenkins.plugins.cd4ml.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.deploy.InProcessDeploymentLocks;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.deploy.local.LocalServing;
import io.jenkins.plugins.cd4ml.deploy.sagemaker.FakeSageMakerServer;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.fake.FakeSts;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.config.DeploymentEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global configuration's environments become the engine's environments, and a deployment
 * through them reaches the (fake) SageMaker with the credential their ID names, looked up for the
 * build, optionally through a role assumed with (fake) STS.
 */
class GlobalEnvironmentSourceTest {
    private static final String MODEL = "credit-risk";
    private static final String ROLE = "arn:aws:iam::444455556666:role/cd4ml-deployer";

    @TempDir
    Path home;

    private FakeSageMakerServer sageMaker;
    private FakeSts sts;
    private LocalServing serving;
    private ControllerDeployer deployer;
    private final Map<String, StandardCredentials> jenkinsCredentials = Map.of(
            "aws-staging", new TestCredentials.Aws("aws-staging", "AKIASTAGING", "staging-secret-value"),
            "kubeconfig", new TestCredentials.File("kubeconfig", "config", "apiVersion: v1"));

    @BeforeEach
    void start() throws Exception {
        sageMaker = new FakeSageMakerServer();
        sts = FakeSts.start();
        serving = new LocalServing();
        deployer = new ControllerDeployer(home.resolve("registry"), home.resolve("deployments"), serving,
                new InProcessDeploymentLocks(), Clock.systemUTC(), duration -> { });
    }

    @AfterEach
    void stop() {
        sageMaker.close();
        sts.close();
        serving.close();
    }

    private DeploymentEnvironment staging(String credentialsId, String role) {
        DeploymentEnvironment staging = new DeploymentEnvironment("staging", io.jenkins.plugins.cd4ml.steps.config
                .TargetType.SAGEMAKER);
        staging.setSettings("""
                # the fake SageMaker and STS
                region=us-east-1
                image=111122223333.dkr.ecr.us-east-1.amazonaws.com/sklearn:1
                executionRoleArn=arn:aws:iam::111122223333:role/sagemaker-exec
                pollSeconds=1
                endpointUrl=%s
                stsEndpointUrl=%s
                """.formatted(sageMaker.uri(), sts.endpoint()));
        staging.setAlias("stage");
        staging.setCredentialsId(credentialsId);
        staging.setRoleArn(role);
        return staging;
    }

    private Environments environments(DeploymentEnvironment... declared) throws Exception {
        return EnvironmentSources.select("deployModel", null, List.of(declared), null, home).environments();
    }

    private DeploymentRecord deployToStaging(Environments environments) throws Exception {
        try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(home.resolve("registry"))) {
            Path model = Files.writeString(home.resolve("model.json"), "{}");
            registry.register(Registration.builder(MODEL).artifact("model/model.json", model).registeredBy("alice")
                    .build());
        }
        var request = new DeployModelStep.Order(MODEL, "1", "staging", AllAtOnce.immediately(), Duration.ofSeconds(5))
                .resolve(deployer, environments, "job #1");
        CredentialResolver credentials = new CredentialResolver(new JenkinsCredentialStore(
                id -> Optional.ofNullable(jenkinsCredentials.get(id)), java.util.List.of(new AwsPluginCredentials())), true);
        return deployer.deploy(request, "job#1", credentials, message -> { }, event -> { });
    }

    @Test
    void mapsEveryFieldOfTheConfiguredEnvironments() throws Exception {
        DeploymentEnvironment dev = new DeploymentEnvironment("dev", io.jenkins.plugins.cd4ml.steps.config.TargetType.LOCAL);
        dev.setSettings("stateDir=dev\nport=0");

        Environments environments = environments(dev, staging("aws-staging", ROLE));

        assertThat(environments.names()).containsExactly("dev", "staging");
        Environment local = environments.find("dev").orElseThrow();
        assertThat(local.target().type()).isEqualTo(TargetType.LOCAL);
        assertThat(local.target().settings()).containsEntry("stateDir", home.resolve("dev").toString())
                .containsEntry("port", "0");
        assertThat(local.alias()).isEqualTo("dev");
        assertThat(local.credentials().credentialsId()).isEmpty();
        Environment staging = environments.find("staging").orElseThrow();
        assertThat(staging.target().type()).isEqualTo(TargetType.SAGEMAKER);
        assertThat(staging.target().setting("region")).contains("us-east-1");
        assertThat(staging.alias()).isEqualTo("stage");
        assertThat(staging.credentials().credentialsId()).contains("aws-staging");
        assertThat(staging.credentials().role()).contains(ROLE);
    }

    @Test
    void aBrokenEnvironmentIsAnErrorNamingTheGlobalConfiguration() {
        DeploymentEnvironment broken = new DeploymentEnvironment("production",
                io.jenkins.plugins.cd4ml.steps.config.TargetType.KSERVE);

        assertThatThrownBy(() -> environments(broken))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("global configuration, environment 'production'")
                .hasMessageContaining("a kserve target needs the setting 'namespace'");
    }

    @Test
    void theArgumentWinsOverTheGlobalConfigurationAndAFileNeedsAWorkspace() throws Exception {
        List<DeploymentEnvironment> global = List.of(staging("aws-staging", null));

        assertThat(EnvironmentSources.select("deployModel", null, global, null, home))
                .isInstanceOf(GlobalEnvironmentSource.class)
                .satisfies(source -> assertThat(source.declaredByAdministrator()).isTrue());
        assertThatThrownBy(() -> EnvironmentSources.select("deployModel", "ml/environments.yaml", global, null, home))
                .hasMessageContaining("the environments file 'ml/environments.yaml' is read from the workspace");
        assertThatThrownBy(() -> EnvironmentSources.select("promoteModel", null, List.of(), null, home))
                .hasMessageContaining("promoteModel: the environments file 'environments.yaml'")
                .hasMessageContaining("Manage Jenkins » System » CD4ML");
    }

    @Test
    void deploysToSageMakerSignedWithTheNamedCredential() throws Exception {
        DeploymentRecord record = deployToStaging(environments(staging("aws-staging", null)));

        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(sageMaker.count("CreateEndpoint")).isEqualTo(1);
        assertThat(sageMaker.accessKeyIds()).isNotEmpty().containsOnly("AKIASTAGING");
        assertThat(sts.assumeRoleCalls()).isEmpty();
        assertThat(DeploymentReports.json(record, null)).doesNotContain("staging-secret-value", "AKIASTAGING");
    }

    @Test
    void deploysWithTheRoleAssumedWithTheNamedCredential() throws Exception {
        DeploymentRecord record = deployToStaging(environments(staging("aws-staging", ROLE)));

        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(sts.assumeRoleCalls()).singleElement().satisfies(call -> {
            assertThat(call.signedBy()).isEqualTo("AKIASTAGING");
            assertThat(call.roleArn()).isEqualTo(ROLE);
            assertThat(call.sessionName()).isEqualTo("cd4ml-deploy-staging");
        });
        assertThat(sageMaker.accessKeyIds()).isNotEmpty().containsOnly(sts.assumeRoleCalls().get(0).issuedAccessKeyId());
    }

    @Test
    void aMissingOrWrongKindCredentialIsAnErrorAndNothingIsCreated() throws Exception {
        assertThatThrownBy(() -> deployToStaging(environments(staging("aws-prod", null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment staging")
                .hasMessageContaining("credentials 'aws-prod' not found, or this build may not use them");
        assertThatThrownBy(() -> deployToStaging(environments(staging("kubeconfig", null))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credentials 'kubeconfig' are Secret file; a sagemaker target needs AWS credentials");
        assertThat(sageMaker.accessKeyIds()).isEmpty();
    }
}
