package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Stub of workflow-step-api's {@code StepExecution}. Constructors only keep the context. */
public abstract class StepExecution implements Serializable {
    private StepContext context;

    @Deprecated
    protected StepExecution() {
    }

    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    public @NonNull StepContext getContext() {
        throw new UnsupportedOperationException();
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException();
    }

    public void onResume() {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull String getStatus() {
        throw new UnsupportedOperationException();
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException();
    }

    private static final long serialVersionUID = 1L;
}
