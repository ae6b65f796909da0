package io.jenkins.plugins.cd4ml.steps.gpu;

import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.ImageAllowlist;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobSpec;
import java.io.Serializable;

/**
 * A validated {@code trainModel sagemaker: …} call, persisted with the step execution so a
 * restarted controller re-attaches to the same job.
 *
 * @param spec the job
 * @param allowlist the image allowlist
 * @param credentials the AWS credentials reference
 * @param region the AWS region, or "" for the controller's default
 * @param identity the build and report section the job name is derived from, e.g. {@code team/churn#42/training}
 * @param section the report section
 * @param streamLogs whether the job's container logs (CloudWatch Logs) are shown in the build log
 */
record SageMakerPlan(TrainingJobSpec spec, ImageAllowlist allowlist, EnvironmentCredentials credentials,
        String region, String identity, String section, boolean streamLogs) implements Serializable {
    private static final long serialVersionUID = 1L;
}
