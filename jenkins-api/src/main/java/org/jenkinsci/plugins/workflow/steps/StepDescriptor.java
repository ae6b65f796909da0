package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

/** Stub of workflow-step-api's {@code StepDescriptor}. */
public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException();
    }

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException();
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        throw new UnsupportedOperationException();
    }
}
