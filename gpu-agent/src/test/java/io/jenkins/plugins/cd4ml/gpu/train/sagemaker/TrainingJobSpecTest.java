package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of training job specs and image allowlists: precise, field by field. */
class TrainingJobSpecTest {
    @Test
    void aCompleteSpotSpecHasNoProblems() {
        assertThat(SageMakerTrainerTest.spotSpec().build().problems()).isEmpty();
    }

    @Test
    void spotNeedsAMaxWaitOfAtLeastTheRuntime() {
        assertThat(SageMakerTrainerTest.spotSpec().maxWait(null).build().problems())
                .containsExactly("maxWaitSeconds: required with managed spot (how long to wait for spot capacity plus training)");
        assertThat(SageMakerTrainerTest.spotSpec().maxWait(Duration.ofSeconds(7199)).build().problems())
                .containsExactly("maxWaitSeconds: must be at least maxRuntimeSeconds (7200) with managed spot, as "
                        + "SageMaker requires, but was 7199");
        assertThat(SageMakerTrainerTest.spotSpec().maxWait(Duration.ofSeconds(7200)).build().problems()).isEmpty();
    }

    @Test
    void spotNeedsACheckpointAndOnDemandNeedsNoMaxWait() {
        TrainingJobSpec.Builder noCheckpoint = TrainingJobSpec.builder().image("img").roleArn(
                "arn:aws:iam::123456789012:role/r").outputS3Uri("s3://bucket/out").maxWait(Duration.ofDays(2))
                .managedSpot(true);
        assertThat(noCheckpoint.build().problems()).singleElement().asString().startsWith("checkpoint: required with managed spot");
        assertThat(noCheckpoint.managedSpot(false).build().problems())
                .containsExactly("maxWaitSeconds: only valid with managed spot (set managedSpot: true or drop maxWaitSeconds)");
        assertThat(noCheckpoint.maxWait(null).build().problems()).isEmpty();
    }

    @Test
    void everyBadFieldIsNamed() {
        TrainingJobSpec spec = TrainingJobSpec.builder().image("").roleArn("SageMakerRole").instances("g5.xlarge", 0)
                .volumeSizeGb(0).channel("train", "/data/train").channel("train", "s3://bucket/t2").outputS3Uri("bucket/out")
                .checkpoint("s3://bucket/ckpt", "checkpoints").maxRuntime(Duration.ofDays(29)).build();
        List<String> problems = spec.problems();
        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly("image", "roleArn",
                "instanceType", "instanceCount", "volumeSizeGb", "channels.train", "channels", "outputS3Uri",
                "checkpoint.localPath", "maxRuntimeSeconds");
    }

    @Test
    void allowlistAcceptsListedDigestsOnly() {
        String digest = "sha256:" + "0f".repeat(32);
        String repo = "123456789012.dkr.ecr.us-east-1.amazonaws.com/train";
        ImageAllowlist bare = new ImageAllowlist(List.of(digest));
        ImageAllowlist pinnedRepo = new ImageAllowlist(List.of(repo + "@" + digest));

        assertThat(bare.refusal(repo + "@" + digest)).isEmpty();
        assertThat(pinnedRepo.refusal(repo + "@" + digest)).isEmpty();
        assertThat(pinnedRepo.refusal("evil.example/train@" + digest)).get().asString().contains("not in the image allowlist");
        assertThat(bare.refusal(repo + ":latest")).get().asString().contains("not pinned by digest");
        assertThat(ImageAllowlist.ANY.refusal(repo + ":latest")).isEmpty();
        assertThat(new ImageAllowlist(List.of("latest")).entryProblems()).singleElement().asString()
                .startsWith("imageAllowlist: 'latest' is not a digest");
    }
}
