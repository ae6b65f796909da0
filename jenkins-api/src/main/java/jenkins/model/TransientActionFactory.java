package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

/** Stub of jenkins-core's {@code jenkins.model.TransientActionFactory}. */
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public abstract Class<T> type();

    public /* abstract */ Class<? extends Action> actionType() {
        throw new UnsupportedOperationException();
    }

    public abstract @NonNull Collection<? extends Action> createFor(@NonNull T target);
}
