package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.Extension;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.slaves.ComputerListener;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;

/**
 * Rescans an agent's GPUs whenever it comes online (new agent, reconnect after a driver update or
 * a reboot), so its GPU labels are right before the first build is scheduled there.
 */
@Extension
public class GpuLabelRefresher extends ComputerListener {
    private final JenkinsFacade jenkins = new JenkinsFacade();

    @Override
    public void onOnline(Computer c, TaskListener listener) {
        Node node = c.getNode();
        if (node != null) {
            jenkins.getSingleton(GpuLabelFinder.class).scheduleRefresh(node);
        }
    }
}
