package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

/** Stub of workflow-step-api's {@code BodyExecution}. */
public abstract class BodyExecution implements Future<Object>, Serializable {
    public abstract Collection<StepExecution> getCurrentExecutions();

    public boolean cancel(Throwable t) {
        throw new UnsupportedOperationException();
    }

    private static final long serialVersionUID = 1L;
}
