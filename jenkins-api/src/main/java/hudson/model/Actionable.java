package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

/** Stub of jenkins-core's {@code hudson.model.Actionable}. */
public abstract class Actionable extends AbstractModelObject {
    public List<Action> getActions() {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
