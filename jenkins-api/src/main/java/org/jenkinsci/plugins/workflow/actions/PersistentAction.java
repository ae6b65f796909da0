package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Stub of workflow-api's {@code org.jenkinsci.plugins.workflow.actions.PersistentAction}. */
public interface PersistentAction extends Action {
}
