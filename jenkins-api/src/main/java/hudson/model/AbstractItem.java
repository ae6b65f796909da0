package hudson.model;

/** Stub of jenkins-core's {@code hudson.model.AbstractItem}. */
public abstract class AbstractItem extends Actionable implements Item {
    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException();
    }
}
