package io.jenkins.plugins.cd4ml.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gpu.AgentFacts;
import java.io.File;
import jenkins.MasterToSlaveFileCallable;

/** Runs on the agent that holds the workspace and reports what that machine is. */
final class AgentFactsCallable extends MasterToSlaveFileCallable<AgentFacts> {
    private static final long serialVersionUID = 1L;

    private final boolean probeGpu;

    AgentFactsCallable(boolean probeGpu) {
        this.probeGpu = probeGpu;
    }

    @Override
    public AgentFacts invoke(File workspace, VirtualChannel channel) {
        return AgentFacts.ofThisMachine(probeGpu);
    }
}
