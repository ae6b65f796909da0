package org.jenkinsci.plugins.workflow.graph;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Actionable;
import hudson.model.Saveable;
import java.util.List;

/** Stub of workflow-api's {@code org.jenkinsci.plugins.workflow.graph.FlowNode}. */
public abstract class FlowNode extends Actionable implements Saveable {
    private FlowNode() {
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public final <T extends Action> T getPersistentAction(@NonNull Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Action> getActions() {
        throw new UnsupportedOperationException();
    }
}
