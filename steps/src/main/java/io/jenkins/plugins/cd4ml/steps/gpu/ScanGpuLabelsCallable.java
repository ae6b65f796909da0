package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.health.HealthPolicy;
import java.io.File;
import java.util.ArrayList;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs on an agent (on its root directory) and returns the GPU labels of that machine: what
 * {@link GpuNodeReport#scanThisMachine} finds with the default health policy. A machine without
 * {@code nvidia-smi} returns no labels; one whose driver does not answer returns {@code gpu-unhealthy}.
 */
final class ScanGpuLabelsCallable extends MasterToSlaveFileCallable<ArrayList<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public ArrayList<String> invoke(File root, VirtualChannel channel) throws InterruptedException {
        return new ArrayList<>(GpuNodeReport.scanThisMachine(HealthPolicy.defaults()).labels());
    }
}
