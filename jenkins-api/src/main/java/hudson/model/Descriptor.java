package hudson.model;

import jenkins.model.Loadable;

/**
 * Stub of jenkins-core's {@code hudson.model.Descriptor}. Constructors do nothing (so that
 * descriptors can be instantiated in unit tests); methods throw.
 */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    protected Descriptor() {
        this.clazz = null;
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public Class<T> getT() {
        throw new UnsupportedOperationException();
    }

    public String getHelpFile() {
        throw new UnsupportedOperationException();
    }

    public String getHelpFile(final String fieldName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void load() {
        throw new UnsupportedOperationException();
    }
}
