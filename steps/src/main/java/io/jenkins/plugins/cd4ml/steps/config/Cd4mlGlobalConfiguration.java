package io.jenkins.plugins.cd4ml.steps.config;

import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * cd4ml's global configuration (Manage Jenkins » System, and {@code unclassified: cd4ml:} in
 * Configuration as Code): model registries, deployment environments and the defaults the steps use
 * when a Jenkinsfile does not say.
 */
@Extension
@Symbol("cd4ml")
public class Cd4mlGlobalConfiguration extends GlobalConfiguration {
    /** The default number of bootstrap resamples for confidence intervals. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 1000;

    private List<ModelRegistryConfig> registries = new ArrayList<>();
    private List<DeploymentEnvironment> environments = new ArrayList<>();
    private SeverityPolicy severityPolicy = SeverityPolicy.AS_DECLARED;
    private NoBaselinePolicy noBaselinePolicy = NoBaselinePolicy.PASS;
    private int bootstrapResamples = DEFAULT_BOOTSTRAP_RESAMPLES;
    private boolean trainingMayUseControllerIdentity;

    private transient JenkinsFacade jenkins = new JenkinsFacade();
    private final transient boolean persistent;

    /** Created by Jenkins: loads the saved configuration. */
    public Cd4mlGlobalConfiguration() {
        this(true);
    }

    /**
     * @param persistent whether to load now and save on every change (false in unit tests)
     */
    Cd4mlGlobalConfiguration(boolean persistent) {
        this.persistent = persistent;
        if (persistent) {
            load();
        }
    }

    /** @return the instance Jenkins holds */
    public static Cd4mlGlobalConfiguration get() {
        return new JenkinsFacade().getSingleton(Cd4mlGlobalConfiguration.class);
    }

    void setJenkinsFacade(JenkinsFacade facade) {
        this.jenkins = facade;
    }

    public List<ModelRegistryConfig> getRegistries() {
        return List.copyOf(registries);
    }

    @DataBoundSetter
    public void setRegistries(List<ModelRegistryConfig> registries) {
        this.registries = new ArrayList<>(Objects.requireNonNullElse(registries, List.of()));
        persist();
    }

    /**
     * @param name a registry's name
     * @return the registry with that name
     */
    public Optional<ModelRegistryConfig> findRegistry(String name) {
        return registries.stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    public List<DeploymentEnvironment> getEnvironments() {
        return List.copyOf(environments);
    }

    @DataBoundSetter
    public void setEnvironments(List<DeploymentEnvironment> environments) {
        this.environments = new ArrayList<>(Objects.requireNonNullElse(environments, List.of()));
        persist();
    }

    /**
     * @param name an environment's name
     * @return the environment with that name
     */
    public Optional<DeploymentEnvironment> findEnvironment(String name) {
        return environments.stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    public SeverityPolicy getSeverityPolicy() {
        return severityPolicy;
    }

    @DataBoundSetter
    public void setSeverityPolicy(SeverityPolicy severityPolicy) {
        this.severityPolicy = Objects.requireNonNullElse(severityPolicy, SeverityPolicy.AS_DECLARED);
        persist();
    }

    public NoBaselinePolicy getNoBaselinePolicy() {
        return noBaselinePolicy;
    }

    @DataBoundSetter
    public void setNoBaselinePolicy(NoBaselinePolicy noBaselinePolicy) {
        this.noBaselinePolicy = Objects.requireNonNullElse(noBaselinePolicy, NoBaselinePolicy.PASS);
        persist();
    }

    public int getBootstrapResamples() {
        return bootstrapResamples;
    }

    /**
     * @param bootstrapResamples resamples for confidence intervals, 100 to 100 000
     * @throws IllegalArgumentException outside that range
     */
    @DataBoundSetter
    public void setBootstrapResamples(int bootstrapResamples) {
        ConfigChecks.bootstrapResamples(Integer.toString(bootstrapResamples)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.bootstrapResamples = bootstrapResamples;
        persist();
    }

    /** @return whether {@code trainModel sagemaker:} without a credentials ID may use the controller's AWS identity */
    public boolean isTrainingMayUseControllerIdentity() {
        return trainingMayUseControllerIdentity;
    }

    /**
     * @param allowed whether {@code trainModel sagemaker:} without a credentials ID may use the
     *     controller's default AWS chain (off by default: a Jenkinsfile author would otherwise get it)
     */
    @DataBoundSetter
    public void setTrainingMayUseControllerIdentity(boolean allowed) {
        this.trainingMayUseControllerIdentity = allowed;
        persist();
    }

    @Override
    public String getDisplayName() {
        return "CD4ML";
    }

    /**
     * @param value the number typed
     * @return whether it is in range
     */
    @POST
    public FormValidation doCheckBootstrapResamples(@QueryParameter String value) {
        jenkins.checkPermission(null, Jenkins.ADMINISTER);
        return FormChecks.toValidation(ConfigChecks.bootstrapResamples(value));
    }

    private void persist() {
        if (persistent) {
            save();
        }
    }
}
