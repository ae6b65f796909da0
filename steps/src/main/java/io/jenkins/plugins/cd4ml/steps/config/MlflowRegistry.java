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
 * An MLflow tracking server's model registry, reached with a token or user name and password (by
 * credentials ID).
 */
public class MlflowRegistry extends ModelRegistryConfig {
    private final String url;
    private String credentialsId = "";

    /**
     * @param name how steps refer to this registry
     * @param url the tracking server, e.g. {@code https://mlflow.example.com}
     */
    @DataBoundConstructor
    public MlflowRegistry(String name, String url) {
        super(name);
        this.url = Objects.requireNonNullElse(url, "").trim();
    }

    public String getUrl() {
        return url;
    }

    /** @return the ID of a secret-text (token) or username/password credential, or "" */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Objects.requireNonNullElse(credentialsId, "").trim();
    }

    @Override
    public String getType() {
        return "mlflow";
    }

    /** The form of an MLflow registry. */
    @Extension
    @Symbol("mlflow")
    public static class DescriptorImpl extends RegistryDescriptor {
        public DescriptorImpl() {
            super(MlflowRegistry.class);
        }

        @Override
        public String getDisplayName() {
            return "MLflow Model Registry";
        }

        /**
         * @param value the URL typed
         * @return whether it is an http(s) URL without embedded credentials
         */
        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            jenkins().checkPermission(null, Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.httpUrl(value));
        }
    }
}
