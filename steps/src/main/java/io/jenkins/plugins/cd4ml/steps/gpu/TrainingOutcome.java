package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import io.jenkins.plugins.cd4ml.gpu.train.TrainingResult;
import java.io.Serializable;

/**
 * What a {@code trainModel} run on the agent brings back.
 *
 * @param result the command's exit, duration and collected outputs with digests
 * @param gpu the GPU report, or {@code null} when it ran with {@code gpus: 0}
 */
record TrainingOutcome(TrainingResult result, @CheckForNull GpuStageReport gpu) implements Serializable {
}
