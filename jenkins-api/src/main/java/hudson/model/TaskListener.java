package hudson.model;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Stub of jenkins-core's {@code hudson.model.TaskListener}. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();

    default PrintWriter error(String msg) {
        throw new UnsupportedOperationException();
    }

    default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException();
    }
}
