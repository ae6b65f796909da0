package hudson.model;

/** Stub of jenkins-core's {@code hudson.model.Describable}. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
