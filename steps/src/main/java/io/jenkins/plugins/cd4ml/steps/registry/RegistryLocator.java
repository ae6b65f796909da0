package io.jenkins.plugins.cd4ml.steps.registry;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Which model registry the steps use. The registry lives on the controller: by default the
 * embedded store under {@code JENKINS_HOME/cd4ml/registry}. Global configuration (SageMaker,
 * MLflow) plugs in by registering an {@code @Extension} implementation; the first one registered
 * wins, and without one the embedded store is used.
 */
public interface RegistryLocator extends ExtensionPoint {
    /** The embedded store under {@code JENKINS_HOME/cd4ml/registry}. */
    RegistryLocator EMBEDDED = jenkins -> EmbeddedModelRegistry.open(embeddedStore(jenkins).toPath());

    /**
     * Opens the registry; the caller closes it.
     *
     * @param jenkins the facade (for {@code JENKINS_HOME}, credentials, configuration)
     * @return the registry
     * @throws InvalidInputException if its configuration (e.g. the store directory) is unusable
     * @throws IOException if the registry cannot be opened
     */
    @NonNull
    ModelRegistry open(@NonNull JenkinsFacade jenkins) throws InvalidInputException, IOException;

    /**
     * @param jenkins the facade
     * @return the embedded store's directory
     */
    static File embeddedStore(JenkinsFacade jenkins) {
        return embeddedStore(jenkins.getRootDir());
    }

    /**
     * The one place that names the embedded store, shared by the registry and deployment steps.
     *
     * @param jenkinsHome {@code JENKINS_HOME}
     * @return the embedded store's directory
     */
    static File embeddedStore(File jenkinsHome) {
        return new File(new File(jenkinsHome, "cd4ml"), "registry");
    }

    /**
     * @param jenkins the facade
     * @return the registered locator, or {@link #EMBEDDED}
     */
    static RegistryLocator find(JenkinsFacade jenkins) {
        List<RegistryLocator> registered = jenkins.getExtensionList(RegistryLocator.class);
        return registered.isEmpty() ? EMBEDDED : registered.get(0);
    }
}
