package hudson.model;

/** Stub of jenkins-core's {@code hudson.model.AbstractDescribableImpl}. */
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}
