package io.jenkins.plugins.cd4ml.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declarations as plain values follow the environments file's rules and give the same environments. */
class EnvironmentDeclarationTest {
    private static final Path BASE = Path.of("/var/jenkins/cd4ml/deployments");
    private static final String ROLE = "arn:aws:iam::444455556666:role/cd4ml-deployer";

    private static Map<String, String> sageMakerSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("region", "eu-west-1");
        settings.put("image", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/sklearn:1");
        settings.put("executionRoleArn", "arn:aws:iam::111122223333:role/sagemaker-exec");
        return settings;
    }

    @Test
    void givesTheSameEnvironmentsAsTheEquivalentFile() throws Exception {
        Environments declared = EnvironmentDeclaration.toEnvironments(List.of(
                new EnvironmentDeclaration("dev", TargetType.LOCAL, Map.of("stateDir", "dev"), false, "", null, ""),
                new EnvironmentDeclaration("production", TargetType.SAGEMAKER, sageMakerSettings(), true, "prod",
                        "aws-production", ROLE)), "global configuration", BASE);
        Environments file = EnvironmentsFile.parse("environments.yaml", BASE, new StringReader("""
                environments:
                  - name: dev
                    target: {type: local, stateDir: dev}
                  - name: production
                    target:
                      type: sagemaker
                      region: eu-west-1
                      image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/sklearn:1
                      executionRoleArn: arn:aws:iam::111122223333:role/sagemaker-exec
                    requiresApproval: true
                    alias: prod
                    credentials: {credentialsId: aws-production, roleArn: %s}
                """.formatted(ROLE)));

        assertThat(declared).isEqualTo(file);
        assertThat(declared.find("dev").orElseThrow().target().setting("stateDir")).contains(BASE.resolve("dev")
                .toString());
        assertThat(declared.find("production").orElseThrow().credentials().credentialsId()).contains("aws-production");
    }

    @Test
    void breakingARuleNamesTheOriginTheEnvironmentAndTheRule() {
        Map<String, String> noImage = sageMakerSettings();
        noImage.remove("image");
        Map<String, String> unknown = sageMakerSettings();
        unknown.put("instanceTyp", "ml.m5.large");
        Map<String, String> badCount = sageMakerSettings();
        badCount.put("instanceCount", "many");

        assertThatThrownBy(() -> declare(new EnvironmentDeclaration("production", TargetType.SAGEMAKER, noImage,
                false, null, null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("global configuration, environment 'production'")
                .hasMessageContaining("a sagemaker target needs the setting 'image'");
        assertThatThrownBy(() -> declare(new EnvironmentDeclaration("production", TargetType.SAGEMAKER, unknown,
                false, null, null, null))).hasMessageContaining("unknown setting 'instanceTyp' for a sagemaker target");
        assertThatThrownBy(() -> declare(new EnvironmentDeclaration("production", TargetType.SAGEMAKER, badCount,
                false, null, null, null))).hasMessageContaining("'instanceCount' must be a whole number from 1 to 100");
        assertThatThrownBy(() -> declare(new EnvironmentDeclaration("production", TargetType.SAGEMAKER,
                sageMakerSettings(), false, null, null, "arn:aws:iam::1:role/x")))
                .hasMessageContaining("'roleArn' must be an IAM role ARN")
                .hasMessageNotContaining("arn:aws:iam::1:role/x");
        assertThatThrownBy(() -> declare(new EnvironmentDeclaration("1st", TargetType.LOCAL, Map.of(), false, null,
                null, null))).hasMessageContaining("'name' must start with a letter");
        assertThatThrownBy(() -> declare(new EnvironmentDeclaration("dev", TargetType.KSERVE,
                Map.of("namespace", "m", "apiServerUrl", "ftp://k8s"), false, null, null, null)))
                .hasMessageContaining("'apiServerUrl' must be an http:// or https:// URL");
    }

    @Test
    void duplicateNamesAreRefused() {
        EnvironmentDeclaration dev = new EnvironmentDeclaration("dev", TargetType.LOCAL, Map.of(), false, null, null,
                null);

        assertThatThrownBy(() -> EnvironmentDeclaration.toEnvironments(List.of(dev, dev), "global configuration", BASE))
                .hasMessageContaining("duplicate environment name 'dev'");
    }

    private static void declare(EnvironmentDeclaration declaration) throws InvalidInputException {
        EnvironmentDeclaration.toEnvironments(List.of(declaration), "global configuration", BASE);
    }
}
