package hudson.model;

/** Stub of jenkins-core's {@code hudson.model.ModelObject}. */
public interface ModelObject {
    String getDisplayName();
}
