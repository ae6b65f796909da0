package io.jenkins.plugins.cd4ml.steps.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobalConfigurationTest {
    @Test
    void holdsRegistriesEnvironmentsAndDefaultsAsConfigurationAsCodeSetsThem() {
        Cd4mlGlobalConfiguration config = new Cd4mlGlobalConfiguration(false);
        assertThat(config.getSeverityPolicy()).isEqualTo(SeverityPolicy.AS_DECLARED);
        assertThat(config.getNoBaselinePolicy()).isEqualTo(NoBaselinePolicy.PASS);
        assertThat(config.getBootstrapResamples()).isEqualTo(1000);

        SageMakerRegistry sagemaker = new SageMakerRegistry(" aws ", "eu-west-1");
        sagemaker.setCredentialsId("aws-prod");
        sagemaker.setRoleArn("arn:aws:iam::111122223333:role/cd4ml");
        MlflowRegistry mlflow = new MlflowRegistry("mlflow", "https://mlflow.example.com");
        config.setRegistries(List.of(new EmbeddedRegistry("local"), sagemaker, mlflow));
        DeploymentEnvironment production = new DeploymentEnvironment("production", TargetType.SAGEMAKER);
        production.setSettings("region=eu-west-1\n# comment\n\ninstanceType = ml.m5.large\n");
        production.setRequiresApproval(true);
        config.setEnvironments(List.of(production, new DeploymentEnvironment("staging", null)));
        config.setNoBaselinePolicy(NoBaselinePolicy.UNSTABLE);
        config.setSeverityPolicy(null);
        config.setBootstrapResamples(2000);

        assertThat(config.findRegistry("aws")).containsSame(sagemaker);
        assertThat(config.getRegistries()).extracting(ModelRegistryConfig::getType)
                .containsExactly("embedded", "sagemaker", "mlflow");
        assertThat(((EmbeddedRegistry) config.getRegistries().get(0)).getDirectory()).isEmpty();
        assertThat(config.findEnvironment("production").orElseThrow().getSettingsMap())
                .containsExactly(java.util.Map.entry("region", "eu-west-1"), java.util.Map.entry("instanceType", "ml.m5.large"));
        assertThat(production.getAlias()).isEqualTo("production");
        assertThat(config.findEnvironment("staging").orElseThrow().getTargetType()).isEqualTo(TargetType.LOCAL);
        assertThat(config.getSeverityPolicy()).isEqualTo(SeverityPolicy.AS_DECLARED);
        assertThat(config.getNoBaselinePolicy()).isEqualTo(NoBaselinePolicy.UNSTABLE);
        assertThat(config.getBootstrapResamples()).isEqualTo(2000);
        assertThat(config.findRegistry("missing")).isEmpty();
    }

    @Test
    void refusesBootstrapResamplesOutOfRange() {
        Cd4mlGlobalConfiguration config = new Cd4mlGlobalConfiguration(false);
        assertThatIllegalArgumentException().isThrownBy(() -> config.setBootstrapResamples(10))
                .withMessageContaining("between 100 and 100000");
        assertThat(config.getBootstrapResamples()).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "a", "dev_2", "Stage-1"})
    void acceptsNames(String name) {
        assertThat(ConfigChecks.name(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1prod", "has space", "<script>", "abcdefghijabcdefghijabcdefghijabc"})
    void refusesNames(String name) {
        assertThat(ConfigChecks.name(name)).isPresent();
    }

    @Test
    void checksRegionsUrlsDirectoriesSettingsAndResamples() {
        assertThat(ConfigChecks.region("eu-west-1")).isEmpty();
        assertThat(ConfigChecks.region("us-gov-west-1")).isEmpty();
        assertThat(ConfigChecks.region("Europe")).isPresent();
        assertThat(ConfigChecks.httpUrl("https://mlflow.example.com:5000/")).isEmpty();
        assertThat(ConfigChecks.httpUrl("file:///etc/passwd")).isPresent();
        assertThat(ConfigChecks.httpUrl("https://user:secret@mlflow.example.com")).hasValueSatisfying(
                problem -> assertThat(problem).contains("credentials").doesNotContain("secret"));
        assertThat(ConfigChecks.httpUrl("http://exa mple")).isPresent();
        assertThat(ConfigChecks.directory("")).isEmpty();
        assertThat(ConfigChecks.directory("relative/dir")).isPresent();
        assertThat(ConfigChecks.directory(java.nio.file.Path.of("/var/lib/cd4ml").toAbsolutePath().toString())).isEmpty();
        assertThat(ConfigChecks.settings("region=eu-west-1\n#x\n\nport = 8080")).isEmpty();
        assertThat(ConfigChecks.settings("region eu-west-1")).hasValueSatisfying(p -> assertThat(p).startsWith("Line 1"));
        assertThat(ConfigChecks.bootstrapResamples("1000")).isEmpty();
        assertThat(ConfigChecks.bootstrapResamples("99")).isPresent();
        assertThat(ConfigChecks.bootstrapResamples("1e3")).isPresent();
    }

    @Test
    void settingsAreCheckedAgainstTheChosenTargetType() {
        String sageMaker = "region=eu-west-1\nimage=111122223333.dkr.ecr.eu-west-1.amazonaws.com/sklearn:1\n"
                + "executionRoleArn=arn:aws:iam::111122223333:role/sagemaker-exec\n";

        assertThat(ConfigChecks.settings(sageMaker, "SAGEMAKER")).isEmpty();
        assertThat(ConfigChecks.settings(sageMaker + "namespace=models", "SAGEMAKER")).hasValue(
                "Unknown setting 'namespace' for a sagemaker target (expected one of endpointName, endpointUrl,"
                        + " executionRoleArn, image, instanceCount, instanceType, maxWaitSeconds, pollSeconds, region,"
                        + " stsEndpointUrl, variantName).");
        assertThat(ConfigChecks.settings("region=eu-west-1", "SAGEMAKER")).hasValueSatisfying(
                problem -> assertThat(problem).contains("needs the setting 'image'"));
        assertThat(ConfigChecks.settings("namespace=models\npollSeconds=0", "KSERVE")).hasValueSatisfying(
                problem -> assertThat(problem).contains("'pollSeconds' must be a whole number from 1 to 3600"));
        assertThat(ConfigChecks.settings("anything=1", "NOT_A_TYPE")).isEmpty();
        assertThat(ConfigChecks.settings("no equals", "LOCAL")).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("Line 1"));
    }

    @Test
    void roleArnProblemsDoNotEchoTheValue() {
        assertThat(ConfigChecks.roleArn("")).isEmpty();
        assertThat(ConfigChecks.roleArn("arn:aws:iam::111122223333:role/team/cd4ml-deployer")).isEmpty();
        assertThat(ConfigChecks.roleArn("arn:aws:iam::1234:role/x-SECRETISH")).hasValueSatisfying(
                problem -> assertThat(problem).doesNotContain("SECRETISH").doesNotContain("1234:"));
    }
}
