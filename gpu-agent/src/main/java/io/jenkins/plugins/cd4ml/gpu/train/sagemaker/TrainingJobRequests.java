package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CheckpointConfig;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataDistribution;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;

/** Maps a {@link TrainingJobSpec} to SageMaker's {@code CreateTrainingJob} request. */
final class TrainingJobRequests {
    private TrainingJobRequests() {
    }

    /**
     * @param jobName the job name
     * @param spec a spec without {@link TrainingJobSpec#problems() problems}
     * @return the request
     */
    static CreateTrainingJobRequest create(String jobName, TrainingJobSpec spec) {
        CreateTrainingJobRequest.Builder request = CreateTrainingJobRequest.builder()
                .trainingJobName(jobName)
                .algorithmSpecification(AlgorithmSpecification.builder().trainingImage(spec.image())
                        .trainingInputMode(TrainingInputMode.FILE).build())
                .roleArn(spec.roleArn())
                .resourceConfig(ResourceConfig.builder().instanceType(spec.compute().instanceType())
                        .instanceCount(spec.compute().instanceCount())
                        .volumeSizeInGB(spec.compute().volumeSizeGb()).build())
                .outputDataConfig(OutputDataConfig.builder().s3OutputPath(spec.outputS3Uri()).build())
                .stoppingCondition(stopping(spec))
                .enableManagedSpotTraining(spec.managedSpot())
                .inputDataConfig(spec.channels().stream().map(TrainingJobRequests::channel).toList());
        if (!spec.hyperparameters().isEmpty()) {
            request.hyperParameters(spec.hyperparameters());
        }
        if (spec.checkpoint() != null) {
            request.checkpointConfig(CheckpointConfig.builder().s3Uri(spec.checkpoint().s3Uri())
                    .localPath(spec.checkpoint().localPath()).build());
        }
        return request.build();
    }

    /**
     * @param spec a spec
     * @return a canonical text of everything that makes the job what it is (for the name's hash)
     */
    static String fingerprint(TrainingJobSpec spec) {
        // not the SDK's toString(): it may redact fields, and two specs must never share a hash
        try {
            return Json.mapper().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoppingCondition stopping(TrainingJobSpec spec) {
        StoppingCondition.Builder stopping = StoppingCondition.builder()
                .maxRuntimeInSeconds((int) spec.limits().maxRuntime().toSeconds());
        if (spec.managedSpot() && spec.limits().maxWait() != null) {
            stopping.maxWaitTimeInSeconds((int) spec.limits().maxWait().toSeconds());
        }
        return stopping.build();
    }

    private static Channel channel(TrainingJobSpec.InputChannel channel) {
        return Channel.builder().channelName(channel.name())
                .dataSource(DataSource.builder().s3DataSource(S3DataSource.builder()
                        .s3DataType(S3DataType.S3_PREFIX).s3Uri(channel.s3Uri())
                        .s3DataDistributionType(S3DataDistribution.FULLY_REPLICATED).build()).build())
                .build();
    }
}
