package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Stub of jenkins-core's {@code jenkins.MasterToSlaveFileCallable}. */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {

    private static final long serialVersionUID = 1L;
}
