package io.jenkins.plugins.cd4ml.steps.checks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.util.List;

/**
 * Where gate steps send their {@link CheckRun}s. The plugin's one implementation,
 * {@link ChecksApiPublisher}, is an optional extension that exists only when the {@code checks-api}
 * plugin is installed; without it the list is empty and nothing is published. Steps never refer
 * to the implementation, so no class that needs {@code checks-api} is loaded without it.
 */
public interface CheckPublisher extends ExtensionPoint {
    /**
     * @param run the build
     * @param listener the build log
     * @param check the check run
     */
    void publish(@NonNull Run<?, ?> run, @NonNull TaskListener listener, @NonNull CheckRun check);

    /**
     * Hands a check run to every registered publisher. Publishing is a courtesy to the SCM
     * platform: a publisher that fails is named in the build log and never fails the step.
     *
     * @param jenkins the facade that finds the publishers
     * @param run the build
     * @param listener the build log
     * @param check the check run
     * @return how many publishers took it
     */
    static int publishToAll(@NonNull JenkinsFacade jenkins, @NonNull Run<?, ?> run, @NonNull TaskListener listener,
            @NonNull CheckRun check) {
        List<CheckPublisher> publishers;
        try {
            publishers = jenkins.getExtensionList(CheckPublisher.class);
        } catch (RuntimeException | LinkageError e) {
            listener.getLogger().println("cd4ml: checks not published: " + e);
            return 0;
        }
        int published = 0;
        for (CheckPublisher publisher : publishers) {
            try {
                publisher.publish(run, listener, check);
                published++;
            } catch (RuntimeException | LinkageError e) {
                listener.getLogger().println("cd4ml: could not publish the check '" + check.name() + "' ("
                        + publisher.getClass().getSimpleName() + "): " + e);
            }
        }
        return published;
    }
}
