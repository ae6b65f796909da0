package io.jenkins.plugins.cd4ml.steps.config;

import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A model registry the steps can register versions in, chosen by name: the embedded registry
 * (a directory on the controller), SageMaker Model Registry or MLflow. Only credential IDs are
 * stored; secrets stay in the credentials store.
 */
public abstract class ModelRegistryConfig implements Describable<ModelRegistryConfig> {
    private final String name;

    /**
     * @param name how steps refer to this registry
     */
    protected ModelRegistryConfig(String name) {
        this.name = Objects.requireNonNullElse(name, "").trim();
    }

    public String getName() {
        return name;
    }

    /** @return the registry type's symbol, e.g. {@code sagemaker} */
    public abstract String getType();

    /** The common form checks of every registry type; only administrators may call them. */
    public abstract static class RegistryDescriptor extends Descriptor<ModelRegistryConfig> {
        private transient JenkinsFacade jenkins = new JenkinsFacade();

        protected RegistryDescriptor(Class<? extends ModelRegistryConfig> type) {
            super(type);
        }

        void setJenkinsFacade(JenkinsFacade facade) {
            this.jenkins = facade;
        }

        protected JenkinsFacade jenkins() {
            return jenkins;
        }

        /**
         * @param value the name typed
         * @return whether it is a valid name
         */
        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            jenkins.checkPermission(null, Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.name(value));
        }

        /**
         * Lists credential IDs (and names) for the form; never a secret.
         *
         * @param credentialsId the current value, kept in the list
         * @return the choices
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            jenkins.checkPermission(null, Jenkins.ADMINISTER);
            return jenkins.listCredentialIds(credentialsId);
        }
    }
}
