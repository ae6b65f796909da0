package io.jenkins.plugins.cd4ml.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The environments file is schema-checked with precise locations. */
class EnvironmentsFileTest {
    private static final Path BASE = Path.of("/work/project");

    private static Environments parse(String yaml) throws InvalidInputException {
        return EnvironmentsFile.parse("environments.yaml", BASE, new StringReader(yaml));
    }

    private static SourceLocation errorAt(String yaml) {
        try {
            parse(yaml);
        } catch (InvalidInputException e) {
            return e.getLocation();
        }
        throw new AssertionError("expected an error");
    }

    @Test
    void readsTheExampleFile() throws Exception {
        Environments environments = EnvironmentsFile.read(Path.of("../examples/credit-risk/ml/environments.yaml"));

        assertThat(environments.names()).containsExactly("dev", "staging", "production");
        Environment production = environments.find("production").orElseThrow();
        assertThat(production.requiresApproval()).isTrue();
        assertThat(production.alias()).isEqualTo("production");
        assertThat(production.target().type()).isEqualTo(TargetType.LOCAL);
        assertThat(production.target().setting("maxErrorRate")).contains("0.01");
        assertThat(environments.find("dev").orElseThrow().requiresApproval()).isFalse();
    }

    @Test
    void readsEveryFieldAndResolvesPathsAgainstTheFile() throws Exception {
        Environments environments = parse("""
                environments:
                  - name: prod
                    target: {type: sagemaker, region: eu-west-1, image: 123.dkr.ecr/xgb:1,
                             executionRoleArn: "arn:aws:iam::111122223333:role/exec", instanceCount: 2}
                    requiresApproval: true
                    alias: production
                    credentials:
                      awsCredentialsId: aws-prod
                      roleArn: arn:aws:iam::111122223333:role/deployer
                  - name: dev
                    target: {type: local, probeFile: probes/dev.jsonl}
                """);

        Environment prod = environments.find("prod").orElseThrow();
        assertThat(prod.alias()).isEqualTo("production");
        assertThat(prod.target().settings()).containsEntry("instanceCount", "2").containsEntry("region", "eu-west-1");
        assertThat(prod.credentials().credentialsId()).contains("aws-prod");
        assertThat(prod.credentials().role()).contains("arn:aws:iam::111122223333:role/deployer");
        assertThat(prod.credentials().toString()).doesNotContain("aws-prod", "deployer");
        assertThat(environments.find("dev").orElseThrow().target().setting("probeFile"))
                .contains(BASE.resolve("probes/dev.jsonl").toString());
        assertThat(environments.find("dev").orElseThrow().alias()).isEqualTo("dev");
    }

    @Test
    void reportsWhereTheSchemaIsBroken() {
        assertThat(errorAt("""
                environments:
                  - name: dev
                    target: {type: local}
                    requiresAproval: true
                """)).isEqualTo(new SourceLocation("environments.yaml", 4, 5));
        assertThatThrownBy(() -> parse("""
                environments:
                  - name: dev
                    target: {type: local}
                    requiresAproval: true
                """)).hasMessage("environments.yaml:4:5: unknown key 'requiresAproval' in an environment "
                + "(expected one of alias, credentials, name, requiresApproval, target)");
        assertThatThrownBy(() -> parse("""
                environments:
                  - name: dev
                    target:
                      type: lokal
                """)).hasMessage("environments.yaml:4:13: unknown target type 'lokal' (expected one of local, "
                + "sagemaker, kserve)");
        assertThatThrownBy(() -> parse("""
                environments:
                  - name: dev
                    target: {type: sagemaker, region: us-east-1}
                """)).hasMessageContaining("environments.yaml:3:13: a sagemaker target needs the setting");
        assertThatThrownBy(() -> parse("""
                environments:
                  - name: dev
                    target: {type: local, port: 99999}
                """)).hasMessage("environments.yaml:3:33: 'port' must be a whole number from 0 to 65535, got '99999'");
        assertThatThrownBy(() -> parse("""
                environments:
                  - name: dev
                    target: {type: local}
                    requiresApproval: yes please
                """)).hasMessage("environments.yaml:4:23: 'requiresApproval' must be true or false");
    }

    @Test
    void refusesDuplicatesBadNamesAndRoleArnsWithoutEchoingThem() {
        assertThatThrownBy(() -> parse("""
                environments:
                  - {name: dev, target: {type: local}}
                  - {name: dev, target: {type: local}}
                """)).hasMessage("environments.yaml:3:5: duplicate environment name 'dev'");
        assertThatThrownBy(() -> parse("""
                environments:
                  - {name: "../etc", target: {type: local}}
                """)).hasMessageContaining("environments.yaml:2:12: 'name' must start with a letter");
        assertThatThrownBy(() -> parse("""
                environments:
                  - name: dev
                    target: {type: local}
                    credentials: {roleArn: secret-looking-value}
                """)).hasMessageContaining("environments.yaml:4:28: 'roleArn' must be an IAM role ARN")
                .hasMessageNotContaining("secret-looking-value");
    }

    @Test
    void reportsMalformedYamlAndEmptyFiles() {
        assertThat(errorAt("environments: [\n  {name: dev\n")).extracting(SourceLocation::line).isNotEqualTo(0L);
        assertThatThrownBy(() -> parse("")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> parse("environments: []")).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> EnvironmentsFile.read(Path.of("does-not-exist.yaml")))
                .hasMessage("does-not-exist.yaml: file not found");
    }

    @Test
    void refusesAliasBombs() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a]\n");
        }
        assertThatThrownBy(() -> parse(yaml.toString())).isInstanceOf(InvalidInputException.class);
    }
}
