package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.ImageAllowlist;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobSpec;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code sagemaker:} argument of {@code trainModel}: train on SageMaker instead of this agent.
 *
 * <pre>{@code
 * trainModel sagemaker: sagemaker(image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train@sha256:…',
 *         roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining', outputS3Uri: 's3://models/churn',
 *         instanceType: 'ml.g5.xlarge', channels: [train: 's3://data/churn/train'],
 *         hyperparameters: [epochs: 10], managedSpot: true, maxRuntimeSeconds: 7200, maxWaitSeconds: 14400,
 *         checkpointS3Uri: 's3://checkpoints/churn', region: 'us-east-1', streamLogs: true)
 * }</pre>
 *
 * <p>Adapted to the engine's one {@link TrainingJobSpec}; every limit is checked there.
 */
public class SageMakerTraining extends AbstractDescribableImpl<SageMakerTraining> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String image;
    private final String roleArn;
    private final String outputS3Uri;
    private String instanceType = "ml.m5.xlarge";
    private int instanceCount = 1;
    private int volumeSizeGb = 30;
    private Map<String, Object> hyperparameters = new LinkedHashMap<>();
    private Map<String, Object> channels = new LinkedHashMap<>();
    private String checkpointS3Uri = "";
    private String checkpointLocalPath = "";
    private int maxRuntimeSeconds = 86_400;
    private int maxWaitSeconds;
    private boolean managedSpot;
    private List<String> imageAllowlist = List.of();
    private String region = "";
    private String credentialsId = "";
    private String assumeRoleArn = "";
    private boolean streamLogs = true;

    /**
     * @param image the training image (ECR URI; {@code …@sha256:…} to satisfy an allowlist)
     * @param roleArn the IAM role SageMaker assumes for the job
     * @param outputS3Uri where SageMaker writes the model
     */
    @DataBoundConstructor
    public SageMakerTraining(String image, String roleArn, String outputS3Uri) {
        this.image = Objects.requireNonNullElse(image, "").strip();
        this.roleArn = Objects.requireNonNullElse(roleArn, "").strip();
        this.outputS3Uri = Objects.requireNonNullElse(outputS3Uri, "").strip();
    }

    /**
     * @return the engine's spec (validated by {@link TrainingJobSpec#problems()})
     */
    public TrainingJobSpec toSpec() {
        TrainingJobSpec.Builder builder = TrainingJobSpec.builder().image(image).roleArn(roleArn)
                .outputS3Uri(outputS3Uri).instances(instanceType, instanceCount).volumeSizeGb(volumeSizeGb)
                .maxRuntime(Duration.ofSeconds(maxRuntimeSeconds)).managedSpot(managedSpot)
                .maxWait(maxWaitSeconds > 0 ? Duration.ofSeconds(maxWaitSeconds) : null);
        hyperparameters.forEach((key, value) -> builder.hyperparameter(key, String.valueOf(value)));
        channels.forEach((name, uri) -> builder.channel(name, String.valueOf(uri)));
        if (!checkpointS3Uri.isEmpty()) {
            builder.checkpoint(checkpointS3Uri, checkpointLocalPath);
        }
        return builder.build();
    }

    /** @return the image allowlist */
    public ImageAllowlist toAllowlist() {
        return new ImageAllowlist(imageAllowlist);
    }

    /** @return the AWS credentials reference (never the secret) */
    public EnvironmentCredentials toCredentials() {
        return new EnvironmentCredentials(credentialsId.isEmpty() ? null : credentialsId,
                assumeRoleArn.isEmpty() ? null : assumeRoleArn);
    }

    /** @return the training image */
    public String getImage() {
        return image;
    }

    /** @return the IAM role SageMaker assumes for the job */
    public String getRoleArn() {
        return roleArn;
    }

    /** @return where SageMaker writes the model */
    public String getOutputS3Uri() {
        return outputS3Uri;
    }

    /** @return the instance type */
    public String getInstanceType() {
        return instanceType;
    }

    /** @param instanceType e.g. {@code ml.g5.xlarge} (default {@code ml.m5.xlarge}) */
    @DataBoundSetter
    public void setInstanceType(String instanceType) {
        this.instanceType = Objects.requireNonNullElse(instanceType, "").strip();
    }

    /** @return how many instances train */
    public int getInstanceCount() {
        return instanceCount;
    }

    /** @param instanceCount how many instances (default 1) */
    @DataBoundSetter
    public void setInstanceCount(int instanceCount) {
        this.instanceCount = instanceCount;
    }

    /** @return the storage per instance in GB */
    public int getVolumeSizeGb() {
        return volumeSizeGb;
    }

    /** @param volumeSizeGb storage per instance in GB (default 30) */
    @DataBoundSetter
    public void setVolumeSizeGb(int volumeSizeGb) {
        this.volumeSizeGb = volumeSizeGb;
    }

    /** @return the hyperparameters: name → value */
    public Map<String, Object> getHyperparameters() {
        return hyperparameters;
    }

    /** @param hyperparameters name → value, passed to the container as text */
    @DataBoundSetter
    public void setHyperparameters(Map<String, Object> hyperparameters) {
        this.hyperparameters = hyperparameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(hyperparameters);
    }

    /** @return the input channels: name → S3 prefix */
    public Map<String, Object> getChannels() {
        return channels;
    }

    /** @param channels channel name → S3 prefix, e.g. {@code [train: 's3://data/train']} */
    @DataBoundSetter
    public void setChannels(Map<String, Object> channels) {
        this.channels = channels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(channels);
    }

    /** @return where checkpoints are kept, or "" */
    public String getCheckpointS3Uri() {
        return checkpointS3Uri;
    }

    /** @param checkpointS3Uri where checkpoints are kept; required with managed spot */
    @DataBoundSetter
    public void setCheckpointS3Uri(String checkpointS3Uri) {
        this.checkpointS3Uri = Objects.requireNonNullElse(checkpointS3Uri, "").strip();
    }

    /** @return the checkpoint directory in the container, or "" for the default */
    public String getCheckpointLocalPath() {
        return checkpointLocalPath;
    }

    /** @param checkpointLocalPath the checkpoint directory in the container (default {@code /opt/ml/checkpoints}) */
    @DataBoundSetter
    public void setCheckpointLocalPath(String checkpointLocalPath) {
        this.checkpointLocalPath = Objects.requireNonNullElse(checkpointLocalPath, "").strip();
    }

    /** @return the longest the job may train, in seconds */
    public int getMaxRuntimeSeconds() {
        return maxRuntimeSeconds;
    }

    /** @param maxRuntimeSeconds the longest the job may train (default 86 400) */
    @DataBoundSetter
    public void setMaxRuntimeSeconds(int maxRuntimeSeconds) {
        this.maxRuntimeSeconds = maxRuntimeSeconds;
    }

    /** @return with spot: the longest wait plus run, in seconds (0: not set) */
    public int getMaxWaitSeconds() {
        return maxWaitSeconds;
    }

    /** @param maxWaitSeconds with spot: the longest to wait for capacity plus train; ≥ maxRuntimeSeconds */
    @DataBoundSetter
    public void setMaxWaitSeconds(int maxWaitSeconds) {
        this.maxWaitSeconds = maxWaitSeconds;
    }

    /** @return whether the job trains on spot capacity */
    public boolean isManagedSpot() {
        return managedSpot;
    }

    /** @param managedSpot train on spot capacity (default false, as in SageMaker) */
    @DataBoundSetter
    public void setManagedSpot(boolean managedSpot) {
        this.managedSpot = managedSpot;
    }

    /** @return the image digests the job may use (empty: any) */
    public List<String> getImageAllowlist() {
        return imageAllowlist;
    }

    /** @param imageAllowlist image digests ({@code sha256:…}) the job may use; empty allows any image */
    @DataBoundSetter
    public void setImageAllowlist(List<String> imageAllowlist) {
        this.imageAllowlist = imageAllowlist == null ? List.of() : List.copyOf(imageAllowlist);
    }

    /** @return the AWS region, or "" for the controller's default */
    public String getRegion() {
        return region;
    }

    /** @param region the AWS region, e.g. {@code us-east-1}; empty: the controller's AWS_REGION */
    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Objects.requireNonNullElse(region, "").strip();
    }

    /** @return the Jenkins AWS credentials ID, or "" for the default chain */
    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * @param credentialsId Jenkins credentials ID (AWS credentials, or username/password holding an access key
     *     pair), looked up for the build as deployment does; empty: the controller's default AWS chain
     */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Objects.requireNonNullElse(credentialsId, "").strip();
    }

    /** @return the role to assume for the SageMaker calls, or "" */
    public String getAssumeRoleArn() {
        return assumeRoleArn;
    }

    /**
     * @param assumeRoleArn an IAM role assumed through STS (with {@code credentialsId}'s keys) to call SageMaker,
     *     e.g. in another account; session name {@code cd4ml-train-<job>-<build>-<section>}
     */
    @DataBoundSetter
    public void setAssumeRoleArn(String assumeRoleArn) {
        this.assumeRoleArn = Objects.requireNonNullElse(assumeRoleArn, "").strip();
    }

    /** @return whether the job's container logs are shown in the build log */
    public boolean isStreamLogs() {
        return streamLogs;
    }

    /**
     * @param streamLogs show the training containers' log lines (CloudWatch Logs, log group
     *     {@code /aws/sagemaker/TrainingJobs}) in the build log, each prefixed with its host, e.g.
     *     {@code [algo-1]}; default true. Off: only status changes are logged, and no CloudWatch Logs
     *     permission is needed.
     */
    @DataBoundSetter
    public void setStreamLogs(boolean streamLogs) {
        this.streamLogs = streamLogs;
    }

    /** Offers {@code sagemaker(…)} in the snippet generator. */
    @Extension
    @Symbol("sagemaker")
    public static class DescriptorImpl extends Descriptor<SageMakerTraining> {
        private transient JenkinsFacade jenkins = new JenkinsFacade();

        void setJenkinsFacade(JenkinsFacade facade) {
            this.jenkins = facade;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Train on SageMaker (managed spot)";
        }

        /**
         * The credentials a job's configuration may choose from: those visible from the job (its folders and
         * the global store), to users who may read the job's configuration; outside a job only administrators
         * see the list. Anyone else sees only the value already set, so credential IDs do not leak.
         *
         * @param item the job whose configuration (or snippet generator) asks, or {@code null} outside a job
         * @param credentialsId the current value, kept in the list
         * @return credential IDs and names, never secrets
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            if (item == null) {
                if (!jenkins.hasPermission(null, Jenkins.ADMINISTER)) {
                    return jenkins.currentCredentialIdOnly(credentialsId);
                }
                return jenkins.listCredentialIds(credentialsId);
            }
            if (!jenkins.hasPermission(item, Item.EXTENDED_READ) && !jenkins.hasPermission(item, Item.CONFIGURE)) {
                return jenkins.currentCredentialIdOnly(credentialsId);
            }
            return jenkins.listCredentialIds(item, credentialsId);
        }
    }
}
