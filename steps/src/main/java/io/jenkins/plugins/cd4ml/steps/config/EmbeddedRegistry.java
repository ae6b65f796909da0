package io.jenkins.plugins.cd4ml.steps.config;

import hudson.Extension;
import hudson.util.FormValidation;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The embedded registry: versions stored in a directory on the controller, by default
 * {@code JENKINS_HOME/cd4ml/registry}.
 */
public class EmbeddedRegistry extends ModelRegistryConfig {
    /** Where the registry lives below JENKINS_HOME when no directory is set. */
    public static final String DEFAULT_DIRECTORY = "cd4ml/registry";

    private String directory = "";

    /**
     * @param name how steps refer to this registry
     */
    @DataBoundConstructor
    public EmbeddedRegistry(String name) {
        super(name);
    }

    /** @return the directory, or "" for the default below JENKINS_HOME */
    public String getDirectory() {
        return directory;
    }

    @DataBoundSetter
    public void setDirectory(String directory) {
        this.directory = Objects.requireNonNullElse(directory, "").trim();
    }

    @Override
    public String getType() {
        return "embedded";
    }

    /** The form of the embedded registry. */
    @Extension
    @Symbol("embedded")
    public static class DescriptorImpl extends RegistryDescriptor {
        public DescriptorImpl() {
            super(EmbeddedRegistry.class);
        }

        @Override
        public String getDisplayName() {
            return "Embedded registry (on the controller)";
        }

        /**
         * @param value the directory typed
         * @return whether it is usable
         */
        @POST
        public FormValidation doCheckDirectory(@QueryParameter String value) {
            jenkins().checkPermission(null, Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.directory(value));
        }
    }
}
