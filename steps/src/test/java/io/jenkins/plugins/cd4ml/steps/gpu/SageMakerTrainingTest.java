package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingResult;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.StatusTransition;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobSpec;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/** {@code trainModel sagemaker: sagemaker(…)}: binding, validation before anything is sent, report and return value. */
class SageMakerTrainingTest {
    private static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-train@sha256:"
            + "ab".repeat(32);

    private static Map<String, Object> spotArguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("image", IMAGE);
        arguments.put("roleArn", "arn:aws:iam::123456789012:role/SageMakerTraining");
        arguments.put("outputS3Uri", "s3://ml-models/churn");
        arguments.put("instanceType", "ml.g5.xlarge");
        arguments.put("hyperparameters", Map.of("epochs", 10, "lr", 0.001));
        arguments.put("channels", Map.of("train", "s3://ml-data/churn/train"));
        arguments.put("managedSpot", true);
        arguments.put("maxRuntimeSeconds", 7200);
        arguments.put("maxWaitSeconds", 14400);
        arguments.put("checkpointS3Uri", "s3://ml-checkpoints/churn");
        arguments.put("region", "us-east-1");
        return arguments;
    }

    private static TrainModelStep step(Map<String, Object> sagemaker) throws Exception {
        // structs passes null for a constructor argument the script leaves out: trainModel sagemaker: …
        TrainModelStep step = new TrainModelStep(null);
        step.setSagemaker(StepArguments.bind(SageMakerTraining.class, sagemaker));
        return step;
    }

    @Test
    void isTheSagemakerSymbolWithImageRoleAndOutputRequired() {
        assertThat(SageMakerTraining.DescriptorImpl.class.getAnnotation(Symbol.class).value()).containsExactly("sagemaker");
        assertThat(SageMakerTraining.DescriptorImpl.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(StepArguments.requiredArgumentNames(SageMakerTraining.class))
                .containsExactly("image", "roleArn", "outputS3Uri");
    }

    @Test
    void bindsEveryFieldIntoTheEnginesSpec() throws Exception {
        TrainModelStep step = step(spotArguments());
        step.setId("spot");

        SageMakerPlan plan = step.sageMakerPlan("team/churn#42");

        TrainingJobSpec spec = plan.spec();
        assertThat(spec.image()).isEqualTo(IMAGE);
        assertThat(spec.compute()).isEqualTo(new TrainingJobSpec.Compute("ml.g5.xlarge", 1, 30));
        assertThat(spec.hyperparameters()).isEqualTo(Map.of("epochs", "10", "lr", "0.001"));
        assertThat(spec.channels()).containsExactly(new TrainingJobSpec.InputChannel("train", "s3://ml-data/churn/train"));
        assertThat(spec.checkpoint()).isEqualTo(new TrainingJobSpec.Checkpoint("s3://ml-checkpoints/churn",
                "/opt/ml/checkpoints"));
        assertThat(spec.limits()).isEqualTo(new TrainingJobSpec.StoppingLimits(Duration.ofHours(2), Duration.ofHours(4)));
        assertThat(spec.managedSpot()).isTrue();
        assertThat(plan.section()).isEqualTo("training:spot");
        assertThat(plan.identity()).isEqualTo("team/churn#42/training:spot");
        assertThat(plan.region()).isEqualTo("us-east-1");
        assertThat(plan.credentials()).isEqualTo(EnvironmentCredentials.DEFAULT);
        assertThat(plan.streamLogs()).as("container logs are shown unless turned off").isTrue();
    }

    @Test
    void streamLogsFalseTurnsTheContainerLogsOff() throws Exception {
        Map<String, Object> arguments = spotArguments();
        arguments.put("streamLogs", false);

        assertThat(step(arguments).sageMakerPlan("team/churn#42").streamLogs()).isFalse();
    }

    @Test
    void credentialsIdAndAssumeRoleArnAreKeptAsReferencesAndNameTheRoleSession() throws Exception {
        Map<String, Object> arguments = spotArguments();
        arguments.put("credentialsId", " aws-train ");
        arguments.put("assumeRoleArn", "arn:aws:iam::444455556666:role/cd4ml-trainer");
        TrainModelStep step = step(arguments);
        step.setId("spot");

        SageMakerPlan plan = step.sageMakerPlan("team/churn#42");

        assertThat(plan.credentials()).isEqualTo(new EnvironmentCredentials("aws-train",
                "arn:aws:iam::444455556666:role/cd4ml-trainer"));
        assertThat(plan.toString()).doesNotContain("aws-train", "444455556666");
        assertThat(AwsCredentialsResolver.sessionName(plan.identity())).isEqualTo("cd4ml-train-team-churn-42-training-spot");
    }

    @Test
    void everyProblemIsReportedBeforeAnythingIsSent() throws Exception {
        Map<String, Object> arguments = spotArguments();
        arguments.put("maxWaitSeconds", 3600);
        arguments.remove("checkpointS3Uri");

        assertThatThrownBy(() -> step(arguments).sageMakerPlan("team/churn#42")).isInstanceOf(AbortException.class)
                .hasMessageContaining("maxWaitSeconds: must be at least maxRuntimeSeconds (7200)")
                .hasMessageContaining("checkpoint: required with managed spot");
    }

    @Test
    void anImageOutsideTheAllowlistIsRefused() throws Exception {
        Map<String, Object> arguments = spotArguments();
        arguments.put("imageAllowlist", List.of("sha256:" + "cd".repeat(32)));

        assertThatThrownBy(() -> step(arguments).sageMakerPlan("team/churn#42")).isInstanceOf(AbortException.class)
                .hasMessageContaining("not in the image allowlist");
    }

    @Test
    void aCommandAndSagemakerExcludeEachOther() throws Exception {
        TrainModelStep step = new TrainModelStep("python train.py");
        step.setSagemaker(StepArguments.bind(SageMakerTraining.class, spotArguments()));

        assertThatThrownBy(() -> step.sageMakerPlan("team/churn#42")).isInstanceOf(AbortException.class)
                .hasMessageContaining("command and sagemaker exclude each other");
    }

    @Test
    void reportAndReturnValueCarrySavingsAndMetrics() throws Exception {
        SageMakerTrainingResult result = new SageMakerTrainingResult("team-churn-42-training-0123456789ab",
                "arn:aws:sagemaker:us-east-1:123456789012:training-job/x", "Completed", "Completed", "", true, 3600,
                1260, Map.of("validation:accuracy", 0.93), List.of(
                        new StatusTransition("Training", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), ""),
                        new StatusTransition("Interrupted", Instant.EPOCH.plusSeconds(60), null, "spot")),
                "s3://ml-models/churn/model.tar.gz", false, false);

        JsonNode report = Json.mapper().readTree(SageMakerReports.toJson(result, null));
        Map<String, Object> value = SageMakerReports.toReturnValue(result);

        assertThat(report.path("kind").asText()).isEqualTo("sagemaker-training");
        assertThat(report.path("verdict").asText()).isEqualTo("PASSED");
        assertThat(report.path("billableSeconds").asInt()).isEqualTo(1260);
        assertThat(report.path("savingsPercent").asDouble()).isCloseTo(100.0 * (1 - 1260.0 / 3600), within(1e-9));
        assertThat(report.path("interruptions").asInt()).isEqualTo(1);
        assertThat(report.path("metrics").path("validation:accuracy").asDouble()).isEqualTo(0.93);
        assertThat(value).containsEntry("jobName", result.jobName()).containsEntry("status", "Completed")
                .containsEntry("interruptions", 1).containsEntry("modelArtifacts", "s3://ml-models/churn/model.tar.gz");
        assertThat((Double) value.get("savingsPercent")).isCloseTo(65.0, within(1e-9));
        assertThat(Json.mapper().readTree(SageMakerReports.errorJson(null, "throttled")).path("verdict").asText())
                .isEqualTo("ERROR");
    }

    /** A facade that grants permissions per context and returns a marker list per kind of answer. */
    private static final class ListingFacade extends io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade {
        private static final long serialVersionUID = 1L;
        final java.util.Set<Object> grantedOn = new java.util.HashSet<>();
        final List<Object> asked = new java.util.ArrayList<>();
        final hudson.util.ListBoxModel global = new hudson.util.ListBoxModel();
        final hudson.util.ListBoxModel inItem = new hudson.util.ListBoxModel();
        final hudson.util.ListBoxModel currentOnly = new hudson.util.ListBoxModel();
        final List<String> currents = new java.util.ArrayList<>();

        @Override
        public boolean hasPermission(hudson.security.AccessControlled context, hudson.security.Permission permission) {
            Object on = context == null ? "jenkins" : context;
            asked.add(on);
            return grantedOn.contains(on);
        }

        @Override
        public hudson.util.ListBoxModel listCredentialIds(String current) {
            currents.add(current);
            return global;
        }

        @Override
        public hudson.util.ListBoxModel listCredentialIds(hudson.model.Item context, String current) {
            currents.add(current);
            return inItem;
        }

        @Override
        public hudson.util.ListBoxModel currentCredentialIdOnly(String current) {
            currents.add(current);
            return currentOnly;
        }
    }

    @Test
    void theCredentialsListShowsWhatTheJobSeesOnlyToWhoMayReadItsConfiguration() throws Exception {
        hudson.model.Item job = () -> "team/churn";
        hudson.model.Item other = () -> "team/secret";
        ListingFacade facade = new ListingFacade();
        facade.grantedOn.add(job);
        SageMakerTraining.DescriptorImpl descriptor = new SageMakerTraining.DescriptorImpl();
        descriptor.setJenkinsFacade(facade);

        assertThat(descriptor.doFillCredentialsIdItems(job, "aws-train")).isSameAs(facade.inItem);
        assertThat(descriptor.doFillCredentialsIdItems(other, "aws-train")).isSameAs(facade.currentOnly);
        assertThat(descriptor.doFillCredentialsIdItems(null, "aws-train")).as("outside a job: administrators only")
                .isSameAs(facade.currentOnly);
        facade.grantedOn.add("jenkins");
        assertThat(descriptor.doFillCredentialsIdItems(null, "aws-train")).isSameAs(facade.global);
        assertThat(facade.asked).startsWith(job).contains(other, "jenkins");
        assertThat(facade.currents).containsOnly("aws-train");
        assertThat(SageMakerTraining.DescriptorImpl.class.getMethod("doFillCredentialsIdItems", hudson.model.Item.class,
                String.class)).matches(m -> m.isAnnotationPresent(org.kohsuke.stapler.verb.POST.class))
                .matches(m -> m.getParameters()[0].isAnnotationPresent(org.kohsuke.stapler.AncestorInPath.class));
    }

    @Test
    void everyFieldHasAHelpFile() throws Exception {
        Path resources = Path.of("src/main/resources/io/jenkins/plugins/cd4ml/steps/gpu/SageMakerTraining");
        for (String field : List.of("image", "roleArn", "outputS3Uri", "instanceType", "instanceCount", "volumeSizeGb",
                "hyperparameters", "channels", "checkpointS3Uri", "checkpointLocalPath", "maxRuntimeSeconds",
                "maxWaitSeconds", "managedSpot", "imageAllowlist", "region", "credentialsId", "assumeRoleArn",
                "streamLogs")) {
            assertThat(resources.resolve("help-" + field + ".html")).exists();
            if (List.of("image", "roleArn", "outputS3Uri").contains(field)) {
                continue; // constructor arguments
            }
            assertThat(SageMakerTraining.class.getMethod(
                    "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1), setterType(field)))
                    .matches(m -> m.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class));
        }
        assertThat(Files.readString(resources.resolve("config.jelly"))).contains("field=\"managedSpot\"",
                "field=\"streamLogs\"");
        assertThat(Path.of("src/main/resources/io/jenkins/plugins/cd4ml/steps/gpu/TrainModelStep/help-sagemaker.html"))
                .exists();
    }

    private static Class<?> setterType(String field) {
        return switch (field) {
            case "instanceCount", "volumeSizeGb", "maxRuntimeSeconds", "maxWaitSeconds" -> int.class;
            case "managedSpot", "streamLogs" -> boolean.class;
            case "hyperparameters", "channels" -> Map.class;
            case "imageAllowlist" -> List.class;
            default -> String.class;
        };
    }
}
