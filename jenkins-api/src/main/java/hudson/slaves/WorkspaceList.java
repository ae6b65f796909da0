package hudson.slaves;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

/** Stub of jenkins-core's {@code hudson.slaves.WorkspaceList}. */
public final class WorkspaceList {
    private WorkspaceList() {
    }

    @CheckForNull
    public static FilePath tempDir(FilePath ws) {
        throw new UnsupportedOperationException();
    }
}
