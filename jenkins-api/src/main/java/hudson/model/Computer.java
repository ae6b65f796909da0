package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.EnvVars;
import hudson.remoting.VirtualChannel;
import hudson.security.AccessControlled;
import java.io.IOException;

/** Stub of jenkins-core's {@code hudson.model.Computer}. */
public abstract class Computer extends Actionable implements AccessControlled {
    protected Computer(Node node) {
        throw new UnsupportedOperationException();
    }

    public abstract @Nullable VirtualChannel getChannel();

    public @NonNull String getName() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public Node getNode() {
        throw new UnsupportedOperationException();
    }

    @Override
    public @NonNull String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public EnvVars getEnvironment() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public static @Nullable Computer currentComputer() {
        throw new UnsupportedOperationException();
    }
}
