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
 * SageMaker Model Registry in one region, reached with AWS credentials (by ID) and optionally a
 * role to assume in another account.
 */
public class SageMakerRegistry extends ModelRegistryConfig {
    private final String region;
    private String credentialsId = "";
    private String roleArn = "";

    /**
     * @param name how steps refer to this registry
     * @param region the AWS region, e.g. {@code eu-west-1}
     */
    @DataBoundConstructor
    public SageMakerRegistry(String name, String region) {
        super(name);
        this.region = Objects.requireNonNullElse(region, "").trim();
    }

    public String getRegion() {
        return region;
    }

    /** @return the ID of the AWS credentials, or "" for the controller's default chain */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Objects.requireNonNullElse(credentialsId, "").trim();
    }

    /** @return the role to assume, or "" */
    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Objects.requireNonNullElse(roleArn, "").trim();
    }

    @Override
    public String getType() {
        return "sagemaker";
    }

    /** The form of a SageMaker registry. */
    @Extension
    @Symbol("sagemaker")
    public static class DescriptorImpl extends RegistryDescriptor {
        public DescriptorImpl() {
            super(SageMakerRegistry.class);
        }

        @Override
        public String getDisplayName() {
            return "Amazon SageMaker Model Registry";
        }

        /**
         * @param value the region typed
         * @return whether it is a region name
         */
        @POST
        public FormValidation doCheckRegion(@QueryParameter String value) {
            jenkins().checkPermission(null, Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.region(value));
        }

        /**
         * @param value the role ARN typed
         * @return whether it is a role ARN
         */
        @POST
        public FormValidation doCheckRoleArn(@QueryParameter String value) {
            jenkins().checkPermission(null, Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.roleArn(value));
        }
    }
}
