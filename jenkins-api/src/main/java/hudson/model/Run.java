package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;

/** Stub of jenkins-core's {@code hudson.model.Run}. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable implements ExtensionPoint, AccessControlled {

    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException();
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException();
    }

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException();
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException();
    }

    public int getNumber() {
        throw new UnsupportedOperationException();
    }

    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException();
    }

    /**
     * @return the build before this one, or {@code null} for the first
     */
    public @CheckForNull RunT getPreviousBuild() {
        throw new UnsupportedOperationException();
    }
}
