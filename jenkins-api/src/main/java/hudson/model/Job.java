package hudson.model;

import hudson.ExtensionPoint;

/** Stub of jenkins-core's {@code hudson.model.Job}. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends AbstractItem implements ExtensionPoint {
    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException();
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException();
    }
}
