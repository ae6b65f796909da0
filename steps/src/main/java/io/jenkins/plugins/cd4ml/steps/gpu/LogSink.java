package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.model.TaskListener;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Writes lines to the build log from the agent. It travels inside an agent callable: the
 * {@link TaskListener} is remotable (its stream is exported back to the controller), so each line
 * reaches the build log as the engine produces it.
 */
final class LogSink implements Consumer<String>, Serializable {
    private static final long serialVersionUID = 1L;

    private final TaskListener listener;
    private final String prefix;

    /**
     * @param listener the build's log
     * @param prefix put before every line, e.g. {@code "withGpus: "}; may be empty
     */
    LogSink(TaskListener listener, String prefix) {
        this.listener = listener;
        this.prefix = prefix;
    }

    @Override
    public void accept(String line) {
        // several threads (log pump, allocator) may write; keep lines whole
        synchronized (this) {
            listener.getLogger().println(prefix + line);
        }
    }
}
