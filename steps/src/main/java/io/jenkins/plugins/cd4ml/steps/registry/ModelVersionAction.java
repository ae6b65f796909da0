package io.jenkins.plugins.cd4ml.steps.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * The model version a build registered, on the build's page ({@code …/build/model-<name>/}), with
 * a form to approve or reject it. The form posts to {@link #doApprove}, which answers POST only
 * (with Jenkins' crumb) and requires {@link Cd4mlPermissions#APPROVE} on the job.
 */
public class ModelVersionAction implements RunAction2 {
    private final String model;
    private final int version;

    private transient Run<?, ?> run;
    private transient JenkinsFacade jenkins;

    /**
     * @param model the registered model
     * @param version the version this build registered
     */
    public ModelVersionAction(String model, int version) {
        this.model = model;
        this.version = version;
    }

    /** For tests: a facade checking permissions without Jenkins. */
    ModelVersionAction(String model, int version, Run<?, ?> run, JenkinsFacade jenkins) {
        this(model, version);
        this.run = run;
        this.jenkins = jenkins;
    }

    /** @return the registered model */
    public String getModel() {
        return model;
    }

    /** @return the version */
    public int getVersion() {
        return version;
    }

    /**
     * @return the version as the registry has it now (approval, aliases), or empty if it cannot be read
     * @throws IOException if the registry fails
     * @throws InvalidInputException if the registry's configuration is unusable
     */
    public Optional<ModelVersion> getCurrent() throws IOException, InvalidInputException {
        try (ModelRegistry registry = RegistryLocator.find(facade()).open(facade())) {
            return registry.getVersion(model, version);
        }
    }

    /** @return whether the current user may approve (the view shows the form only then) */
    public boolean isApprovable() {
        return run != null && facade().hasPermission(run.getParent(), Cd4mlPermissions.APPROVE);
    }

    /**
     * Records an approval decision from the build page.
     *
     * @param decision {@code APPROVED} or {@code REJECTED}
     * @param reason why
     * @return a redirect to this page
     * @throws IOException if the registry fails
     */
    @RequirePOST
    public HttpResponse doApprove(@QueryParameter String decision, @QueryParameter String reason) throws IOException {
        facade().checkPermission(run.getParent(), Cd4mlPermissions.APPROVE);
        ApprovalStatus status = parse(decision);
        new ModelApprovals(facade()).approve(run.getParent(), model, version, status, reason);
        return HttpResponses.redirectToDot();
    }

    /**
     * @param decision the form's value
     * @return the status
     * @throws IllegalArgumentException unless APPROVED or REJECTED
     */
    static ApprovalStatus parse(@CheckForNull String decision) {
        String value = decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT);
        if (!value.equals("APPROVED") && !value.equals("REJECTED")) {
            throw new IllegalArgumentException("decision: expected APPROVED or REJECTED");
        }
        return ApprovalStatus.valueOf(value);
    }

    private JenkinsFacade facade() {
        if (jenkins == null) {
            jenkins = new JenkinsFacade();
        }
        return jenkins;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube"; // a core symbol (war/src/main/resources/images/symbols/cube.svg)
    }

    @Override
    public String getDisplayName() {
        return "Model " + model + " v" + version;
    }

    @Override
    public String getUrlName() {
        return "model-" + model;
    }
}
