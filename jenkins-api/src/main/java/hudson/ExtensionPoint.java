package hudson;

/** Stub of jenkins-core's {@code hudson.ExtensionPoint} (marker interface). */
public interface ExtensionPoint {
}
