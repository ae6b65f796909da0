package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A SageMaker training job as cd4ml asks for it: one immutable value shared by the Pipeline step
 * and the CLI. Build it with {@link #builder()}; {@link #problems()} lists everything SageMaker
 * would refuse (and what cd4ml refuses on top) before a request is sent.
 *
 * <p>Decision: with managed spot on, a {@link Checkpoint} is <em>required</em>. Without one an
 * interruption restarts training from the first epoch, which can cost more than on-demand
 * training and never finish inside {@code MaxWaitTimeInSeconds}.
 *
 * @param image the training image (ECR URI; {@code repository@sha256:…} to satisfy an allowlist)
 * @param roleArn the IAM role SageMaker assumes for the job
 * @param compute instance type, count and volume
 * @param hyperparameters passed to the container (sorted, so the job name's hash is stable)
 * @param channels input channels, in order
 * @param outputS3Uri where SageMaker writes {@code model.tar.gz}
 * @param checkpoint checkpoint location, or {@code null}
 * @param limits run-time and spot-wait limits
 * @param managedSpot whether to train on spot capacity
 */
public record TrainingJobSpec(String image, String roleArn, Compute compute, Map<String, String> hyperparameters,
        List<InputChannel> channels, String outputS3Uri, Checkpoint checkpoint, StoppingLimits limits,
        boolean managedSpot) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** SageMaker's longest training run: 28 days. */
    public static final Duration LONGEST_RUN = Duration.ofDays(28);
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern S3_URI = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9.\\-_]{1,64}");
    private static final Pattern IMAGE = Pattern.compile("[^\\s]{1,255}");

    /** Copies the collections. */
    public TrainingJobSpec {
        hyperparameters = hyperparameters == null ? Map.of() : new TreeMap<>(hyperparameters);
        hyperparameters = java.util.Collections.unmodifiableMap(hyperparameters);
        channels = channels == null ? List.of() : List.copyOf(channels);
        image = Objects.requireNonNullElse(image, "").strip();
        roleArn = Objects.requireNonNullElse(roleArn, "").strip();
        outputS3Uri = Objects.requireNonNullElse(outputS3Uri, "").strip();
        Objects.requireNonNull(compute, "compute");
        Objects.requireNonNull(limits, "limits");
    }

    /** @return a builder with SageMaker's defaults: one {@code ml.m5.xlarge}, 30 GB, 1 day, spot off */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return every problem SageMaker would refuse the job for, and the spot rules cd4ml adds,
     *     each naming the field; empty when the spec can be sent
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (image.isEmpty()) {
            problems.add("image: required (an ECR image URI, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/train@sha256:…)");
        } else if (!IMAGE.matcher(image).matches()) {
            problems.add("image: '" + image + "' is not an image URI (no spaces, at most 255 characters)");
        }
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            problems.add("roleArn: '" + roleArn + "' is not an IAM role ARN (expected arn:aws:iam::<12-digit account>:role/<name>)");
        }
        if (!INSTANCE_TYPE.matcher(compute.instanceType()).matches()) {
            problems.add("instanceType: '" + compute.instanceType() + "' is not a SageMaker instance type (expected e.g. ml.g5.xlarge)");
        }
        if (compute.instanceCount() < 1) {
            problems.add("instanceCount: must be at least 1 but was " + compute.instanceCount());
        }
        if (compute.volumeSizeGb() < 1 || compute.volumeSizeGb() > 16384) {
            problems.add("volumeSizeGb: must be between 1 and 16384 but was " + compute.volumeSizeGb());
        }
        if (hyperparameters.size() > 100) {
            problems.add("hyperparameters: at most 100 entries but there are " + hyperparameters.size());
        }
        hyperparameters.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 256) {
                problems.add("hyperparameters: key '" + key + "' must have 1 to 256 characters");
            }
            if (value.length() > 2500) {
                problems.add("hyperparameters." + key + ": at most 2500 characters but has " + value.length());
            }
        });
        Set<String> names = new HashSet<>();
        for (InputChannel channel : channels) {
            if (!CHANNEL_NAME.matcher(channel.name()).matches()) {
                problems.add("channels: name '" + channel.name() + "' must be 1 to 64 letters, digits, '.', '-' or '_'");
            } else if (!names.add(channel.name())) {
                problems.add("channels: name '" + channel.name() + "' appears twice");
            }
            if (!S3_URI.matcher(channel.s3Uri()).matches()) {
                problems.add("channels." + channel.name() + ": '" + channel.s3Uri() + "' is not an S3 URI (expected s3://bucket/prefix)");
            }
        }
        if (channels.size() > 20) {
            problems.add("channels: at most 20 but there are " + channels.size());
        }
        if (!S3_URI.matcher(outputS3Uri).matches()) {
            problems.add("outputS3Uri: '" + outputS3Uri + "' is not an S3 URI (expected s3://bucket/prefix)");
        }
        if (checkpoint != null) {
            if (!S3_URI.matcher(checkpoint.s3Uri()).matches()) {
                problems.add("checkpoint.s3Uri: '" + checkpoint.s3Uri() + "' is not an S3 URI (expected s3://bucket/prefix)");
            }
            if (!checkpoint.localPath().startsWith("/")) {
                problems.add("checkpoint.localPath: '" + checkpoint.localPath() + "' must be an absolute path in the container");
            }
        }
        Duration runtime = limits.maxRuntime();
        if (runtime.compareTo(Duration.ofSeconds(1)) < 0 || runtime.compareTo(LONGEST_RUN) > 0) {
            problems.add("maxRuntimeSeconds: must be between 1 and " + LONGEST_RUN.toSeconds() + " but was " + runtime.toSeconds());
        }
        if (managedSpot) {
            if (limits.maxWait() == null) {
                problems.add("maxWaitSeconds: required with managed spot (how long to wait for spot capacity plus training)");
            } else if (limits.maxWait().compareTo(runtime) < 0) {
                problems.add("maxWaitSeconds: must be at least maxRuntimeSeconds (" + runtime.toSeconds()
                        + ") with managed spot, as SageMaker requires, but was " + limits.maxWait().toSeconds());
            } else if (limits.maxWait().compareTo(LONGEST_RUN) > 0) {
                problems.add("maxWaitSeconds: at most " + LONGEST_RUN.toSeconds() + " but was " + limits.maxWait().toSeconds());
            }
            if (checkpoint == null) {
                problems.add("checkpoint: required with managed spot, so an interrupted job resumes from its last "
                        + "checkpoint instead of starting over (set checkpoint.s3Uri)");
            }
        } else if (limits.maxWait() != null) {
            problems.add("maxWaitSeconds: only valid with managed spot (set managedSpot: true or drop maxWaitSeconds)");
        }
        return problems;
    }

    /**
     * Instance type, count and storage.
     *
     * @param instanceType e.g. {@code ml.g5.xlarge}
     * @param instanceCount how many instances
     * @param volumeSizeGb the ML storage volume per instance
     */
    public record Compute(String instanceType, int instanceCount, int volumeSizeGb) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Defaults a missing type to an empty one (reported by {@link TrainingJobSpec#problems()}). */
        public Compute {
            instanceType = Objects.requireNonNullElse(instanceType, "").strip();
        }
    }

    /**
     * An input channel fed from S3 (S3Prefix, fully replicated, File mode).
     *
     * @param name channel name, e.g. {@code train}
     * @param s3Uri the S3 prefix
     */
    public record InputChannel(String name, String s3Uri) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Trims. */
        public InputChannel {
            name = Objects.requireNonNullElse(name, "").strip();
            s3Uri = Objects.requireNonNullElse(s3Uri, "").strip();
        }
    }

    /**
     * Where the job keeps checkpoints: SageMaker syncs {@code localPath} to {@code s3Uri} and
     * restores it after a spot interruption.
     *
     * @param s3Uri the S3 prefix
     * @param localPath the directory in the container (SageMaker's default {@code /opt/ml/checkpoints})
     */
    public record Checkpoint(String s3Uri, String localPath) implements Serializable {
        private static final long serialVersionUID = 1L;
        /** SageMaker's default checkpoint directory. */
        public static final String DEFAULT_LOCAL_PATH = "/opt/ml/checkpoints";

        /** Trims; an empty local path means SageMaker's default. */
        public Checkpoint {
            s3Uri = Objects.requireNonNullElse(s3Uri, "").strip();
            localPath = localPath == null || localPath.isBlank() ? DEFAULT_LOCAL_PATH : localPath.strip();
        }
    }

    /**
     * @param maxRuntime the longest the job may train ({@code MaxRuntimeInSeconds})
     * @param maxWait with spot: the longest to wait for capacity plus train ({@code MaxWaitTimeInSeconds}), or {@code null}
     */
    public record StoppingLimits(Duration maxRuntime, Duration maxWait) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Defaults a missing run time to one day. */
        public StoppingLimits {
            maxRuntime = maxRuntime == null ? Duration.ofDays(1) : maxRuntime;
        }
    }

    /** Builds a {@link TrainingJobSpec}; unset fields take SageMaker's defaults. */
    public static final class Builder {
        private String image = "";
        private String roleArn = "";
        private String instanceType = "ml.m5.xlarge";
        private int instanceCount = 1;
        private int volumeSizeGb = 30;
        private final Map<String, String> hyperparameters = new TreeMap<>();
        private final List<InputChannel> channels = new ArrayList<>();
        private String outputS3Uri = "";
        private Checkpoint checkpoint;
        private Duration maxRuntime = Duration.ofDays(1);
        private Duration maxWait;
        private boolean managedSpot;

        private Builder() {
        }

        /** @param value the training image @return this */
        public Builder image(String value) {
            image = value;
            return this;
        }

        /** @param value the execution role ARN @return this */
        public Builder roleArn(String value) {
            roleArn = value;
            return this;
        }

        /** @param type instance type @param count instance count @return this */
        public Builder instances(String type, int count) {
            instanceType = type;
            instanceCount = count;
            return this;
        }

        /** @param gb volume per instance @return this */
        public Builder volumeSizeGb(int gb) {
            volumeSizeGb = gb;
            return this;
        }

        /** @param key name @param value value @return this */
        public Builder hyperparameter(String key, String value) {
            hyperparameters.put(key, value);
            return this;
        }

        /** @param name channel @param s3Uri its S3 prefix @return this */
        public Builder channel(String name, String s3Uri) {
            channels.add(new InputChannel(name, s3Uri));
            return this;
        }

        /** @param value the output S3 prefix @return this */
        public Builder outputS3Uri(String value) {
            outputS3Uri = value;
            return this;
        }

        /** @param s3Uri checkpoint S3 prefix @param localPath directory in the container ("" for the default) @return this */
        public Builder checkpoint(String s3Uri, String localPath) {
            checkpoint = new Checkpoint(s3Uri, localPath);
            return this;
        }

        /** @param value the longest run @return this */
        public Builder maxRuntime(Duration value) {
            maxRuntime = value;
            return this;
        }

        /** @param value the longest wait plus run, with spot; {@code null} for none @return this */
        public Builder maxWait(Duration value) {
            maxWait = value;
            return this;
        }

        /** @param value whether to use managed spot @return this */
        public Builder managedSpot(boolean value) {
            managedSpot = value;
            return this;
        }

        /** @return the spec (not validated: see {@link TrainingJobSpec#problems()}) */
        public TrainingJobSpec build() {
            return new TrainingJobSpec(image, roleArn, new Compute(instanceType, instanceCount, volumeSizeGb),
                    hyperparameters, channels, outputS3Uri, checkpoint, new StoppingLimits(maxRuntime, maxWait),
                    managedSpot);
        }
    }
}
