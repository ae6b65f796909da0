package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

/** Stub of jenkins-core's {@code hudson.Launcher} (used as a step context type only). */
public abstract class Launcher {
    protected Launcher(@NonNull TaskListener listener, @CheckForNull VirtualChannel channel) {
        throw new UnsupportedOperationException();
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException();
    }
}
