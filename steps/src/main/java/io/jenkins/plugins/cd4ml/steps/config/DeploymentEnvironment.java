package io.jenkins.plugins.cd4ml.steps.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A deployment environment as in the environments file (docs/deployment.md): a name, a target
 * with its settings, whether only approved versions go there, the registry alias moved once the
 * version serves, and credentials by reference (an ID and a role to assume).
 */
public class DeploymentEnvironment implements Describable<DeploymentEnvironment> {
    private final String name;
    private final TargetType targetType;
    private String settings = "";
    private boolean requiresApproval;
    private String alias = "";
    private String credentialsId = "";
    private String roleArn = "";

    /**
     * @param name the environment's name, e.g. {@code production}
     * @param targetType where it serves
     */
    @DataBoundConstructor
    public DeploymentEnvironment(String name, TargetType targetType) {
        this.name = Objects.requireNonNullElse(name, "").trim();
        this.targetType = Objects.requireNonNullElse(targetType, TargetType.LOCAL);
    }

    public String getName() {
        return name;
    }

    public TargetType getTargetType() {
        return targetType;
    }

    /** @return the target's settings, one {@code key=value} per line (e.g. {@code region=eu-west-1}) */
    public String getSettings() {
        return settings;
    }

    @DataBoundSetter
    public void setSettings(String settings) {
        this.settings = Objects.requireNonNullElse(settings, "");
    }

    /** @return the settings as a map, in order; blank lines and {@code #} comments skipped */
    public Map<String, String> getSettingsMap() {
        return parseSettings(settings);
    }

    /**
     * @param settings settings as typed, one {@code key=value} per line
     * @return the settings as a map, in order; blank lines and {@code #} comments skipped
     */
    static Map<String, String> parseSettings(String settings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : settings.split("\\R")) {
            String trimmed = line.trim();
            int equals = trimmed.indexOf('=');
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && equals > 0) {
                map.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
            }
        }
        return map;
    }

    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    @DataBoundSetter
    public void setRequiresApproval(boolean requiresApproval) {
        this.requiresApproval = requiresApproval;
    }

    /** @return the registry alias moved to a version once it serves here (default: the name) */
    public String getAlias() {
        return alias.isEmpty() ? name : alias;
    }

    @DataBoundSetter
    public void setAlias(String alias) {
        this.alias = Objects.requireNonNullElse(alias, "").trim();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Objects.requireNonNullElse(credentialsId, "").trim();
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Objects.requireNonNullElse(roleArn, "").trim();
    }

    /** The form of an environment; only administrators may call its checks. */
    @Extension
    @Symbol("environment")
    public static class DescriptorImpl extends Descriptor<DeploymentEnvironment> {
        private transient JenkinsFacade jenkins = new JenkinsFacade();

        public DescriptorImpl() {
            super(DeploymentEnvironment.class);
        }

        void setJenkinsFacade(JenkinsFacade facade) {
            this.jenkins = facade;
        }

        @Override
        public String getDisplayName() {
            return "Deployment environment";
        }

        /**
         * @param value the name typed
         * @return whether it is a valid environment name
         */
        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            jenkins.checkPermission(null, Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.name(value));
        }

        /**
         * @param value the settings typed
         * @param targetType the target type chosen
         * @return whether every line is key=value and the settings suit the target type
         */
        @POST
        public FormValidation doCheckSettings(@QueryParameter String value, @QueryParameter String targetType) {
            jenkins.checkPermission(null, Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.settings(value, targetType));
        }

        /**
         * @param value the role ARN typed
         * @return whether it is a role ARN
         */
        @POST
        public FormValidation doCheckRoleArn(@QueryParameter String value) {
            jenkins.checkPermission(null, Jenkins.ADMINISTER);
            return FormChecks.toValidation(ConfigChecks.roleArn(value));
        }

        /**
         * @param credentialsId the current value, kept in the list
         * @return credential IDs and names, never secrets
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            jenkins.checkPermission(null, Jenkins.ADMINISTER);
            return jenkins.listCredentialIds(credentialsId);
        }
    }
}
