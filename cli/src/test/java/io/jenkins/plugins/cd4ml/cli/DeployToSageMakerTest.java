package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.deploy.sagemaker.FakeSageMakerServer;
import io.jenkins.plugins.cd4ml.fake.FakeSts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cd4ml deploy} to the (fake) SageMaker: the default AWS chain's keys (here the
 * {@code aws.accessKeyId} system properties) assume the environment's role through (fake) STS;
 * the credentials ID, meant for Jenkins, is ignored.
 */
class DeployToSageMakerTest {
    private static final String ROLE = "arn:aws:iam::444455556666:role/cd4ml-deployer";

    @TempDir
    Path directory;

    private FakeSageMakerServer sageMaker;
    private FakeSts sts;

    @BeforeEach
    void start() throws Exception {
        sageMaker = new FakeSageMakerServer();
        sts = FakeSts.start();
        System.setProperty("aws.accessKeyId", "AKIALAPTOP");
        System.setProperty("aws.secretAccessKey", "laptop-secret");
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        sageMaker.close();
        sts.close();
    }

    @Test
    void assumesTheEnvironmentsRoleWithTheDefaultChain() throws Exception {
        Path environments = Files.writeString(directory.resolve("environments.yaml"), """
                environments:
                  - name: production
                    target:
                      type: sagemaker
                      region: us-east-1
                      image: 111122223333.dkr.ecr.us-east-1.amazonaws.com/sklearn:1
                      executionRoleArn: arn:aws:iam::111122223333:role/sagemaker-exec
                      pollSeconds: 1
                      endpointUrl: %s
                      stsEndpointUrl: %s
                    credentials: {credentialsId: aws-production, roleArn: %s}
                """.formatted(sageMaker.uri(), sts.endpoint(), ROLE));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), "deploy", "--environments",
                environments.toString(), "--state-dir", directory.resolve("state").toString(), "--model",
                "credit-risk", "--environment", "production", "--version", "1", "--artifact",
                "s3://models/credit-risk/1/model.tar.gz", "--approved");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("credit-risk version 1 -> production: DEPLOYED");
        assertThat(sts.assumeRoleCalls()).singleElement().satisfies(call -> {
            assertThat(call.signedBy()).isEqualTo("AKIALAPTOP");
            assertThat(call.sessionName()).isEqualTo("cd4ml-deploy-production");
        });
        assertThat(sageMaker.accessKeyIds()).isNotEmpty().containsOnly("ASIAFAKE1");
        assertThat(out + err.toString()).doesNotContain("laptop-secret", "session-secret");
    }
}
