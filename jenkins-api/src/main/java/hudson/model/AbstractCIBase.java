package hudson.model;

import hudson.security.AccessControlled;

/** Stub of jenkins-core's {@code hudson.model.AbstractCIBase}. */
public abstract class AbstractCIBase extends Node implements ItemGroup<TopLevelItem>, AccessControlled {
    @Override
    public String getNodeName() {
        throw new UnsupportedOperationException();
    }
}
