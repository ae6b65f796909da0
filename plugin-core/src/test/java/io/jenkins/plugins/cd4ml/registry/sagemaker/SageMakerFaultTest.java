package io.jenkins.plugins.cd4ml.registry.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.fake.Fault;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.RegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throttling, server errors, time-outs and lost responses: retried, bounded, never a duplicate version. */
class SageMakerFaultTest {
    @TempDir
    Path temp;
    private SageMakerFixture fixture;
    private Path artifact;

    @BeforeEach
    void start() throws Exception {
        fixture = new SageMakerFixture(new AwsConnection.RetryPolicy(4, Duration.ofMillis(10),
                Duration.ofMillis(80), Duration.ofMillis(1500), Duration.ofSeconds(20)));
        artifact = Files.writeString(temp.resolve("model.bin"), "weights");
        // warm up: the first call of a fresh SDK client is slow, which would upset the time-out test
        fixture.registry.register(registration("warm-up"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Registration registration(String model) {
        return Registration.builder(model).artifact("model.bin", artifact).registeredBy("ci").build();
    }

    @Test
    void throttlingIsRetriedWithBackoff() throws Exception {
        fixture.sageMaker.failNext("CreateModelPackage", Fault.throttle());
        fixture.sageMaker.failNext("CreateModelPackage", Fault.throttle());
        ModelVersion version = fixture.registry.register(registration("m"));
        assertThat(version.version()).isEqualTo(1);
        assertThat(fixture.sageMaker.requests("CreateModelPackage")).hasSize(1 + 3);
        assertThat(fixture.sageMaker.packageCount("m")).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        fixture.sageMaker.failNext("DescribeModelPackageGroup", Fault.serverError());
        fixture.sageMaker.failNext("CreateModelPackage", Fault.serverError());
        assertThat(fixture.registry.register(registration("m")).version()).isEqualTo(1);
        assertThat(fixture.sageMaker.packageCount("m")).isEqualTo(1);
    }

    @Test
    void aLostResponseAfterCreationDoesNotDuplicateTheVersion() throws Exception {
        fixture.sageMaker.failNext("CreateModelPackage", Fault.dropResponse());
        ModelVersion first = fixture.registry.register(registration("m"));
        List<JsonNode> creates = fixture.sageMaker.requests("CreateModelPackage").stream()
                .filter(r -> r.get("ModelPackageGroupName").asText().equals("m")).toList();

        assertThat(creates).hasSize(2);
        assertThat(creates.get(1).get("ClientToken")).isEqualTo(creates.get(0).get("ClientToken"));
        assertThat(first.version()).isEqualTo(1);
        assertThat(fixture.sageMaker.packageCount("m")).isEqualTo(1);
        assertThat(fixture.registry.register(registration("m")).version()).isEqualTo(2);
        assertThat(fixture.registry.listVersions("m")).extracting(ModelVersion::version).containsExactly(1, 2);
    }

    @Test
    void aTimedOutAttemptIsRetriedWithoutDuplicate() throws Exception {
        fixture.sageMaker.failNext("CreateModelPackage", Fault.slowResponse(Duration.ofMillis(3000)));
        ModelVersion version = fixture.registry.register(registration("m"));
        assertThat(version.version()).isEqualTo(1);
        assertThat(fixture.sageMaker.packageCount("m")).isEqualTo(1);
    }

    @Test
    void retriesAreBoundedAndFailWithoutAVersion() throws Exception {
        for (int i = 0; i < 10; i++) {
            fixture.sageMaker.failNext("CreateModelPackage", Fault.serverError());
        }
        int before = fixture.sageMaker.requests("CreateModelPackage").size();
        assertThatThrownBy(() -> fixture.registry.register(registration("m"))).isInstanceOf(RegistryException.class)
                .hasMessageContaining("internal error").hasMessageContaining("Attempt Count: 4");
        assertThat(fixture.sageMaker.requests("CreateModelPackage").size() - before).isEqualTo(4);
        assertThat(fixture.sageMaker.packageCount("m")).isZero();
    }
}
