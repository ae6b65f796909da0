package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;

/**
 * Stub of workflow-api's {@code org.jenkinsci.plugins.workflow.actions.WarningAction}. Like the
 * real class it is a plain value (result + message), so unit tests can inspect it.
 */
public class WarningAction implements PersistentAction {
    private @NonNull Result result;
    private @CheckForNull String message;

    public WarningAction(@NonNull Result result) {
        this.result = result;
    }

    public WarningAction withMessage(String message) {
        this.message = message;
        return this;
    }

    public @CheckForNull String getMessage() {
        return message;
    }

    public @NonNull Result getResult() {
        return result;
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }
}
