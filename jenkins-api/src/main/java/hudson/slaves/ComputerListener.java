package hudson.slaves;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Computer;
import hudson.model.TaskListener;
import java.io.IOException;

/** Stub of jenkins-core's {@code hudson.slaves.ComputerListener}. */
public abstract class ComputerListener implements ExtensionPoint {
    public void onOnline(Computer c, TaskListener listener) throws IOException, InterruptedException {
    }

    public static ExtensionList<ComputerListener> all() {
        throw new UnsupportedOperationException();
    }
}
